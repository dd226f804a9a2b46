using System;
using System.Globalization;

namespace DeepSeek.Runtime
{
    /// <summary>
    /// A model's price at DeepSeek's two tiers: <see cref="Peak"/> during peak hours (<see cref="DeepSeekPricing.IsPeak(DateTimeOffset)"/>)
    /// and <see cref="OffPeak"/> at every other hour.
    /// </summary>
    public sealed class DeepSeekTieredPrice : IEquatable<DeepSeekTieredPrice>
    {
        /// <summary>Creates a tiered price, e.g. to override the catalog before a new release.</summary>
        public DeepSeekTieredPrice(DeepSeekPrice peak, DeepSeekPrice offPeak)
        {
            Peak = peak ?? throw new ArgumentNullException(nameof(peak));
            OffPeak = offPeak ?? throw new ArgumentNullException(nameof(offPeak));
        }

        /// <summary>The price during peak hours; also the safe estimate when the hour is not known.</summary>
        public DeepSeekPrice Peak { get; }

        /// <summary>The price at every other hour (half of peak for DeepSeek's own models).</summary>
        public DeepSeekPrice OffPeak { get; }

        /// <summary>The price of a request sent at <paramref name="time"/>; a Chinese public holiday counts as peak.</summary>
        public DeepSeekPrice At(DateTimeOffset time) => At(time, null);

        /// <summary>
        /// The price of a request sent at <paramref name="time"/>. <paramref name="holidayCalendar"/> tells Chinese public
        /// holidays (the date in China Standard Time), which DeepSeek bills off-peak; without one they count as peak.
        /// </summary>
        public DeepSeekPrice At(DateTimeOffset time, Func<DateTime, bool>? holidayCalendar)
            => DeepSeekPricing.IsPeak(time, holidayCalendar) ? Peak : OffPeak;

        /// <summary>
        /// The price of a request sent at <paramref name="sent"/> and answered at <paramref name="completed"/>: off-peak only
        /// when the whole span is off-peak. Which hour DeepSeek bills a request that straddles a tier change is not
        /// published, so such a request is priced at peak, the safe side of a budget.
        /// </summary>
        public DeepSeekPrice During(DateTimeOffset sent, DateTimeOffset completed, Func<DateTime, bool>? holidayCalendar = null)
            => DeepSeekPricing.IsPeakDuring(sent, completed, holidayCalendar) ? Peak : OffPeak;

        /// <inheritdoc />
        public bool Equals(DeepSeekTieredPrice? other) => other != null && Peak.Equals(other.Peak) && OffPeak.Equals(other.OffPeak);

        /// <inheritdoc />
        public override bool Equals(object? obj) => Equals(obj as DeepSeekTieredPrice);

        /// <inheritdoc />
        public override int GetHashCode() => unchecked((Peak.GetHashCode() * 397) ^ OffPeak.GetHashCode());

        /// <summary>Both tiers, e.g. <c>peak: USD/1M tokens: …; off-peak: USD/1M tokens: …</c>.</summary>
        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "peak: {0}; off-peak: {1}", Peak, OffPeak);
    }
}
