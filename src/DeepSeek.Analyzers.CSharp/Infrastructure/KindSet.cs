using Microsoft.CodeAnalysis;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// A set of operation kinds as four words of bits (kinds are below <see cref="CodeBlock.KindCount"/>): the kinds the walk
    /// keeps, the kinds a rule or the evidence engine reads. A file's kind bytes are scanned against it, in walk order,
    /// without an index per kind or an allocation.
    /// </summary>
    internal struct KindSet
    {
        private ulong _bits0;
        private ulong _bits1;
        private ulong _bits2;
        private ulong _bits3;

        public bool IsEmpty => (_bits0 | _bits1 | _bits2 | _bits3) == 0;

        public static KindSet Of(System.Collections.Generic.IEnumerable<OperationKind> kinds)
        {
            var set = default(KindSet);
            foreach (var kind in kinds)
            {
                set.Add(kind);
            }

            return set;
        }

        /// <summary>Adds <paramref name="kind"/>; a kind outside the range is ignored (the walk keeps none of it).</summary>
        public void Add(OperationKind kind)
        {
            var value = (uint)kind;
            if (value >= CodeBlock.KindCount)
            {
                return;
            }

            var bit = 1UL << (int)(value & 63);
            switch (value >> 6)
            {
                case 0:
                    _bits0 |= bit;
                    break;
                case 1:
                    _bits1 |= bit;
                    break;
                case 2:
                    _bits2 |= bit;
                    break;
                default:
                    _bits3 |= bit;
                    break;
            }
        }

        public readonly bool Contains(byte kind)
        {
            var bit = 1UL << (kind & 63);
            switch (kind >> 6)
            {
                case 0:
                    return (_bits0 & bit) != 0;
                case 1:
                    return (_bits1 & bit) != 0;
                case 2:
                    return (_bits2 & bit) != 0;
                default:
                    return (_bits3 & bit) != 0;
            }
        }
    }
}
