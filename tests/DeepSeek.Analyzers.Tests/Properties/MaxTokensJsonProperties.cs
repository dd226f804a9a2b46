using System;
using System.Linq;
using CsCheck;
using DeepSeek.Analyzers.Infrastructure;
using Xunit;

namespace DeepSeek.Analyzers.Tests.Properties
{
    /// <summary>DSK006 on JSON text: what the rule reads (<c>OutputLimits.OfJsonText</c>) and what its fix writes (<c>MaxTokensFix.JsonInsert</c>).</summary>
    public class MaxTokensJsonProperties
    {
        private static readonly Gen<string> Space = Gen.OneOf(string.Empty, " ", "\n  ", "\r\n    ", "\t");

        private static readonly Gen<string> OtherMember = Gen.OneOf(
            "\"stream\": false", "\"temperature\": 0.2", "\"thinking\": {\"type\": \"disabled\"}", "\"user\": \"model\"", "\"tools\": []");

        /// <summary>A chat request body: model, messages and other members in any order and layout, with or without a limit.</summary>
        private static readonly Gen<(string Json, string? Limit)> Body =
            Gen.Select(OtherMember.Array[0, 3], Gen.OneOf<string?>(null, "max_tokens", "max_completion_tokens"), Space, Gen.Int[0, 100])
                .Select(t =>
                {
                    var members = t.Item1.ToList();
                    members.Add("\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]");
                    if (t.Item2 != null)
                    {
                        members.Add("\"" + t.Item2 + "\": 5");
                    }

                    // "model" first, last or in between.
                    members.Insert(t.Item4 % (members.Count + 1), "\"model\": \"deepseek-flash\"");
                    var space = t.Item3;
                    return ("{" + space + string.Join("," + space, members) + space.Replace("  ", string.Empty) + "}", t.Item2);
                });

        [Fact]
        public void The_rule_reads_the_limit_a_body_carries()
            => Property.Check(Body, body =>
            {
                var limit = Scanners.OutputLimitOfJsonText(body.Json, out var isChatRequest);
                Assert.True(isChatRequest);
                Assert.Equal(
                    body.Limit == "max_tokens" ? OutputLimit.MaxTokens : body.Limit == null ? OutputLimit.None : OutputLimit.CompletionTokensOnly,
                    limit);
            });

        [Fact]
        public void Text_without_model_or_messages_is_no_chat_request()
            => Property.Check(TextGen.From(TextGen.JsonTextTokens, 24), text =>
            {
                var limit = Scanners.OutputLimitOfJsonText(text, out var isChatRequest);
                if (!isChatRequest)
                {
                    Assert.Equal(OutputLimit.Unknown, limit);
                }
            });

        [Fact]
        public void The_fix_adds_one_max_tokens_member_and_keeps_the_json_valid_in_every_quoting()
            => Property.Check(Gen.Select(Body.Where(b => b.Limit != "max_tokens"), Gen.OneOf("\"", "\\\"", "\"\""), Gen.Int[1, 400_000]), (body, quote, value) =>
            {
                // Only bodies the rule reports (no max_tokens yet) are fixed.
                // The body as it is written in source: a raw string keeps ", a regular literal writes \", a verbatim one "".
                var source = body.Json.Replace("\"", quote);
                var fixedSource = Scanners.InsertMaxTokens(source, quote, value);
                Assert.NotNull(fixedSource);
                var json = fixedSource!.Replace(quote, "\"");

                var node = Scanners.ParseJson(json, out var error) as JsonObjectNode;
                Assert.Null(error);
                Assert.NotNull(node);
                var original = (JsonObjectNode)Scanners.ParseJson(body.Json, out _)!;
                Assert.Equal(original.Properties.Count + 1, node!.Properties.Count);
                Assert.Equal(value.ToString(System.Globalization.CultureInfo.InvariantCulture), ((JsonNumberNode)node.Get("max_tokens")!).Text);
                Assert.Equal(OutputLimit.MaxTokens, Scanners.OutputLimitOfJsonText(json, out _));
            });

        [Fact]
        public void The_fix_does_nothing_to_text_without_a_model_key()
            => Property.Check(TextGen.From(TextGen.JsonTextTokens, 24), text =>
            {
                if (text.IndexOf("\"model\"", StringComparison.Ordinal) < 0)
                {
                    Assert.Null(Scanners.InsertMaxTokens(text, "\"", 1024));
                }
            });
    }
}
