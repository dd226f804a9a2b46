using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// Which per-call values (<see cref="PerCallValues"/>) end up in a piece of message text, within one method (operation
    /// block): through interpolation (with or without a format), concatenation, <c>string.Format/Concat/Join</c>, a few
    /// text-preserving string methods, <c>StringBuilder</c> appends whose <c>ToString()</c> becomes the text, ternaries,
    /// <c>??</c>, and locals of the same method. Calls of other methods are not followed: what <c>Describe(DateTime.Now)</c>
    /// returns is unknown, and silence beats a guess.
    /// </summary>
    /// <remarks>One instance per analysed message; the locals of its method are collected at most once.</remarks>
    internal sealed class MessageTextFlow
    {
        private const int MaxDepth = 24;

        private readonly WellKnownTypes _types;
        private readonly CancellationToken _cancellationToken;
        private HashSet<ILocalSymbol>? _visitingLocals;
        private Dictionary<ILocalSymbol, List<IOperation>>? _localValues;
        private Dictionary<ILocalSymbol, List<IInvocationOperation>>? _builderCalls;
        private IOperation? _root;

        public MessageTextFlow(WellKnownTypes types, CancellationToken cancellationToken)
        {
            _types = types;
            _cancellationToken = cancellationToken;
        }

        private HashSet<ILocalSymbol> Visiting => _visitingLocals ??= new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);

        /// <summary>Adds to <paramref name="found"/> every per-call value (not cut to the day) that flows into <paramref name="text"/>.</summary>
        public void Collect(IOperation text, ICollection<IOperation> found)
        {
            _root ??= RootOf(text);
            Visit(text, dayCut: false, found, 0);
        }

        /// <summary>What a local of the block is assigned (initializer, <c>=</c> and <c>+=</c>), or null when the block never assigns it.</summary>
        public List<IOperation>? ValuesOf(ILocalSymbol local, IOperation anyOperationInBlock)
        {
            _root ??= RootOf(anyOperationInBlock);
            EnsureLocals();
            return _localValues!.TryGetValue(local, out var values) ? values : null;
        }

        private void Visit(IOperation? operation, bool dayCut, ICollection<IOperation> found, int depth)
        {
            if (operation == null || depth > MaxDepth)
            {
                return;
            }

            _cancellationToken.ThrowIfCancellationRequested();
            operation = operation.WithoutConversions();
            if (operation.ConstantValue.HasValue)
            {
                return;
            }

            if (PerCallValues.IsSource(operation, _types))
            {
                if (!dayCut)
                {
                    found.Add(operation);
                }

                return;
            }

            var next = depth + 1;
            switch (operation)
            {
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        VisitPart(part, dayCut, found, next);
                    }

                    return;

                case IInterpolatedStringHandlerCreationOperation handler:
                    Visit(handler.Content, dayCut, found, next);
                    return;

                case IBinaryOperation binary when binary.Type?.SpecialType == SpecialType.System_String
                                                   || (binary.Type?.SpecialType != SpecialType.System_Boolean
                                                       && PerCallValues.CarriesValue(binary.Type, _types)):
                    // "Now: " + DateTime.Now, or arithmetic on a per-call value ((DateTime.Now - start).TotalSeconds).
                    Visit(binary.LeftOperand, dayCut, found, next);
                    Visit(binary.RightOperand, dayCut, found, next);
                    return;

                case IConditionalOperation conditional:
                    Visit(conditional.WhenTrue, dayCut, found, next);
                    Visit(conditional.WhenFalse, dayCut, found, next);
                    return;

                case ICoalesceOperation coalesce:
                    Visit(coalesce.Value, dayCut, found, next);
                    Visit(coalesce.WhenNull, dayCut, found, next);
                    return;

                case IArrayCreationOperation array when array.Initializer != null:
                    foreach (var element in array.Initializer.ElementValues)
                    {
                        Visit(element, dayCut, found, next);
                    }

                    return;

                case IPropertyReferenceOperation property when property.Instance != null
                                                            && PerCallValues.CarriesValue(property.Instance.Type, _types):
                    // DateTime.Now.Date is stable for the day; DateTime.Now.Hour is not.
                    Visit(
                        property.Instance,
                        dayCut || (PerCallValues.IsDayPart(property.Property.Name) && PerCallValues.IsDateLike(property.Instance.Type, _types)),
                        found,
                        next);
                    return;

                case IInvocationOperation invocation:
                    VisitInvocation(invocation, dayCut, found, next);
                    return;

                case IImplicitIndexerReferenceOperation range when range.Instance.Type?.SpecialType == SpecialType.System_String:
                    // id[..8]: part of a per-call text is still per-call.
                    Visit(range.Instance, dayCut, found, next);
                    return;

                case ILocalReferenceOperation local:
                    VisitLocal(local, dayCut, found, next);
                    return;
            }
        }

        private void VisitPart(IOperation part, bool dayCut, ICollection<IOperation> found, int depth)
        {
            switch (part)
            {
                case IInterpolationOperation interpolation:
                    VisitFormatted(interpolation.Expression, interpolation.FormatString?.ConstantValue.Value as string, dayCut, found, depth);
                    return;

                case IInterpolatedStringAppendOperation append when append.AppendCall is IInvocationOperation call:
                    // $"…" passed to a handler (StringBuilder.Append($"…")): AppendFormatted(value[, alignment][, format]).
                    IOperation? value = null;
                    string? format = null;
                    foreach (var argument in call.Arguments)
                    {
                        if (argument.Parameter?.Name == "format")
                        {
                            format = argument.Value.ConstantValue.Value as string;
                        }
                        else if (value == null && argument.Parameter?.Ordinal == 0)
                        {
                            value = argument.Value;
                        }
                    }

                    if (value != null && part.Kind == OperationKind.InterpolatedStringAppendFormatted)
                    {
                        VisitFormatted(value, format, dayCut, found, depth);
                    }

                    return;
            }
        }

        /// <summary><c>{now:yyyy-MM-dd}</c> cuts a date to the day; <c>{now:HH:mm}</c> and <c>{now}</c> do not.</summary>
        private void VisitFormatted(IOperation expression, string? format, bool dayCut, ICollection<IOperation> found, int depth)
        {
            var cut = dayCut || (format != null && PerCallValues.IsDateLike(expression.WithoutConversions().Type, _types) && PerCallValues.IsDayOnlyFormat(format));
            Visit(expression, cut, found, depth);
        }

        private void VisitInvocation(IInvocationOperation invocation, bool dayCut, ICollection<IOperation> found, int depth)
        {
            var method = invocation.TargetMethod;
            var name = method.Name;
            var instance = invocation.Instance;
            if (method.IsStatic)
            {
                if (method.ContainingType.SpecialType == SpecialType.System_String && name == "Format")
                {
                    VisitComposite(invocation, dayCut, found, depth);
                }
                else if (method.ContainingType.SpecialType == SpecialType.System_String && (name == "Concat" || name == "Join"))
                {
                    VisitArguments(invocation, dayCut, found, depth);
                }
                else if (name == "FromDateTime" && PerCallValues.Is(method.ContainingType, _types.DateOnly) && invocation.Arguments.Length > 0)
                {
                    Visit(invocation.Arguments[0].Value, true, found, depth);
                }

                return;
            }

            if (instance == null || method.ReturnType.SpecialType == SpecialType.System_Boolean)
            {
                return;
            }

            var receiver = instance.Type;
            if (receiver?.SpecialType == SpecialType.System_String)
            {
                switch (name)
                {
                    case "Trim":
                    case "TrimStart":
                    case "TrimEnd":
                    case "ToUpper":
                    case "ToUpperInvariant":
                    case "ToLower":
                    case "ToLowerInvariant":
                    case "PadLeft":
                    case "PadRight":
                    case "Replace":
                    case "Insert":
                    case "Substring":
                    case "ToString":
                        Visit(instance, dayCut, found, depth);
                        VisitArguments(invocation, dayCut, found, depth);
                        break;
                }

                return;
            }

            if (name == "ToString" && PerCallValues.Is(receiver, _types.StringBuilder))
            {
                VisitBuilder(instance, dayCut, found, depth);
                return;
            }

            if (!PerCallValues.CarriesValue(receiver, _types))
            {
                return;
            }

            // DateTime.Now.ToString("yyyy-MM-dd") and ToShortDateString() are stable for the day; ToString("t") is not.
            var cut = dayCut;
            if (PerCallValues.IsDateLike(receiver, _types))
            {
                cut |= PerCallValues.IsDayText(name)
                       || (name == "ToString" && invocation.Arguments.Length > 0
                           && PerCallValues.IsDayOnlyFormat(invocation.Arguments[0].Value.ConstantValue.Value as string));
            }

            Visit(instance, cut, found, depth);

            // DateTime.Today.AddHours(DateTime.Now.Hour): the argument changes the result too.
            foreach (var argument in invocation.Arguments)
            {
                if (PerCallValues.CarriesValue(argument.Value.Type, _types))
                {
                    Visit(argument.Value, dayCut, found, depth);
                }
            }
        }

        private void VisitArguments(IInvocationOperation invocation, bool dayCut, ICollection<IOperation> found, int depth)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.ArgumentKind != ArgumentKind.DefaultValue)
                {
                    Visit(argument.Value, dayCut, found, depth);
                }
            }
        }

        private void VisitAppend(IInvocationOperation append, bool dayCut, ICollection<IOperation> found, int depth)
        {
            if (append.TargetMethod.Name == "AppendFormat")
            {
                VisitComposite(append, dayCut, found, depth);
            }
            else
            {
                VisitArguments(append, dayCut, found, depth);
            }
        }

        /// <summary>
        /// <c>string.Format("Today {0:yyyy-MM-dd}", DateTime.Now)</c> and <c>AppendFormat</c>: a date is cut to the day when
        /// every format item that prints it has a day-only format. With a format that is not a constant, how a date is
        /// printed is unknown and it is left alone; a GUID or a random number is per-call in any format.
        /// </summary>
        private void VisitComposite(IInvocationOperation invocation, bool dayCut, ICollection<IOperation> found, int depth)
        {
            string? format = null;
            var values = new List<IOperation>();
            foreach (var argument in invocation.Arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    continue;
                }

                var parameter = argument.Parameter?.Name;
                if (parameter == "format")
                {
                    format = argument.Value.ConstantValue.Value as string;
                    Visit(argument.Value, dayCut, found, depth);
                }
                else if (parameter != "provider")
                {
                    if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value.WithoutConversions() is IArrayCreationOperation array)
                    {
                        if (array.Initializer != null)
                        {
                            values.AddRange(array.Initializer.ElementValues);
                        }
                    }
                    else
                    {
                        values.Add(argument.Value);
                    }
                }
            }

            for (var i = 0; i < values.Count; i++)
            {
                var cut = dayCut || (PerCallValues.IsDateLike(values[i].WithoutConversions().Type, _types)
                                     && (format == null || PerCallValues.IsDayOnlyCompositeItem(format, i)));
                Visit(values[i], cut, found, depth);
            }
        }

        /// <summary>The text a <c>StringBuilder</c> holds: its constructor argument and every append on it, chained or not.</summary>
        private void VisitBuilder(IOperation builder, bool dayCut, ICollection<IOperation> found, int depth)
        {
            for (var current = builder.WithoutConversions(); depth <= MaxDepth; depth++)
            {
                switch (current)
                {
                    case IInvocationOperation append when append.Instance != null && PerCallValues.Is(append.Type, _types.StringBuilder):
                        VisitAppend(append, dayCut, found, depth + 1);
                        current = append.Instance.WithoutConversions();
                        continue;

                    case IObjectCreationOperation creation:
                        foreach (var argument in creation.Arguments)
                        {
                            Visit(argument.Value, dayCut, found, depth + 1);
                        }

                        return;

                    case ILocalReferenceOperation local:
                        VisitBuilderLocal(local.Local, dayCut, found, depth + 1);
                        return;

                    default:
                        return;
                }
            }
        }

        private void VisitBuilderLocal(ILocalSymbol local, bool dayCut, ICollection<IOperation> found, int depth)
        {
            if (!Visiting.Add(local))
            {
                return;
            }

            EnsureLocals();
            if (_localValues!.TryGetValue(local, out var values))
            {
                foreach (var value in values)
                {
                    VisitBuilder(value, dayCut, found, depth);
                }
            }

            if (_builderCalls!.TryGetValue(local, out var calls))
            {
                foreach (var call in calls)
                {
                    // sb.Append(a).Append(b): the first call is recorded against sb, the rest chain on it.
                    IOperation current = call;
                    while (current is IInvocationOperation append && PerCallValues.Is(append.Type, _types.StringBuilder))
                    {
                        VisitAppend(append, dayCut, found, depth);
                        var parent = current.Parent;
                        if (!(parent is IInvocationOperation outer) || outer.Instance != current)
                        {
                            break;
                        }

                        current = outer;
                    }
                }
            }

            Visiting.Remove(local);
        }

        private void VisitLocal(ILocalReferenceOperation reference, bool dayCut, ICollection<IOperation> found, int depth)
        {
            var local = reference.Local;
            if (!Visiting.Add(local))
            {
                return;
            }

            EnsureLocals();
            if (_localValues!.TryGetValue(local, out var values))
            {
                foreach (var value in values)
                {
                    Visit(value, dayCut, found, depth);
                }
            }

            Visiting.Remove(local);
        }

        /// <summary>Collects, once per block and only when a message text reads a local, what each local is assigned.</summary>
        private void EnsureLocals()
        {
            if (_localValues != null)
            {
                return;
            }

            _localValues = new Dictionary<ILocalSymbol, List<IOperation>>(SymbolEqualityComparer.Default);
            _builderCalls = new Dictionary<ILocalSymbol, List<IInvocationOperation>>(SymbolEqualityComparer.Default);
            if (_root == null)
            {
                return;
            }

            foreach (var operation in _root.Descendants())
            {
                _cancellationToken.ThrowIfCancellationRequested();
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator:
                        var initializer = declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer;
                        if (initializer != null)
                        {
                            Add(_localValues, declarator.Symbol, initializer.Value);
                        }

                        break;

                    case IAssignmentOperation assignment when assignment.Target.WithoutConversions() is ILocalReferenceOperation target:
                        // x = …, x += …; a deconstruction or out argument leaves the value unknown (and is not followed).
                        if (assignment is ISimpleAssignmentOperation || assignment is ICompoundAssignmentOperation
                            || assignment is ICoalesceAssignmentOperation)
                        {
                            Add(_localValues, target.Local, assignment.Value);
                        }

                        break;

                    case IInvocationOperation call when call.Instance != null && call.Instance.WithoutConversions() is ILocalReferenceOperation builder
                                                        && PerCallValues.Is(builder.Type, _types.StringBuilder):
                        Add(_builderCalls, builder.Local, call);
                        break;
                }
            }
        }

        private static void Add<T>(Dictionary<ILocalSymbol, List<T>> map, ILocalSymbol key, T value)
        {
            if (!map.TryGetValue(key, out var list))
            {
                list = new List<T>();
                map.Add(key, list);
            }

            list.Add(value);
        }

        private static IOperation RootOf(IOperation operation)
        {
            var root = operation;
            while (root.Parent != null)
            {
                root = root.Parent;
            }

            return root;
        }
    }
}
