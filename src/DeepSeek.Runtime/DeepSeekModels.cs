using System;
using DeepSeek.Catalog;

namespace DeepSeek.Runtime
{
    /// <summary>Current DeepSeek model ids, and the migration of old names (retired aliases and legacy names).</summary>
    public static class DeepSeekModels
    {
        /// <summary>DeepSeek-V4.1-Flash (<c>deepseek-flash</c>): the default economical model.</summary>
        public const string Flash = DeepSeekCatalog.Flash;

        /// <summary>DeepSeek-V4-Pro (<c>deepseek-v4-pro</c>): for hard tasks, about 2-3x Flash.</summary>
        public const string V4Pro = DeepSeekCatalog.V4Pro;

        /// <summary>
        /// True for a retired alias that no longer answers (<c>deepseek-chat</c>, <c>deepseek-reasoner</c>), case-insensitive.
        /// </summary>
        public static bool IsRetiredAlias(string model) => DeepSeekCatalog.FindAlias(model)?.IsRetired == true;

        /// <summary>
        /// True for a legacy name that still answers as a temporary compatibility route (<c>deepseek-v4-flash</c>,
        /// <c>deepseek-v4-flash-vision-exp</c>: served by <see cref="Flash"/>), case-insensitive.
        /// </summary>
        public static bool IsLegacyName(string model) => DeepSeekCatalog.FindAlias(model)?.IsLegacy == true;

        /// <summary>
        /// The current model id for a retired alias or a legacy name (all four map to <see cref="Flash"/>); any other id is
        /// returned unchanged. <c>deepseek-chat</c> ran without thinking: send the result with
        /// <see cref="DeepSeekThinking.Disabled"/> to keep its behaviour and cost.
        /// </summary>
        public static string Migrate(string model)
        {
            if (model == null)
            {
                throw new ArgumentNullException(nameof(model));
            }

            var alias = DeepSeekCatalog.FindAlias(model);
            return alias != null ? alias.CurrentModel : model;
        }
    }
}
