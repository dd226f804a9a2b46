using System;
using DeepSeek.Catalog;

namespace DeepSeek.Runtime
{
    /// <summary>
    /// Current DeepSeek prices and peak hours, from the shared catalog. Since 2026-08-16 DeepSeek bills peak hours
    /// (01:00-04:00 and 06:00-10:00 UTC, Monday to Friday, except Chinese public holidays) at twice the off-peak rate.
    /// </summary>
    public static class DeepSeekPricing
    {
        /// <summary><c>deepseek-flash</c> (V4.1 Flash), which also serves and bills the legacy V4 Flash names.</summary>
        public static readonly DeepSeekTieredPrice Flash = From(DeepSeekCatalog.FlashPrice);

        /// <summary><c>deepseek-v4-pro</c>.</summary>
        public static readonly DeepSeekTieredPrice V4Pro = From(DeepSeekCatalog.V4ProPrice);

        /// <summary>True when <paramref name="time"/> is in DeepSeek's peak hours; a Chinese public holiday counts as peak.</summary>
        public static bool IsPeak(DateTimeOffset time) => DeepSeekCatalog.IsPeak(time);

        /// <summary>
        /// True when <paramref name="time"/> is in DeepSeek's peak hours. <paramref name="holidayCalendar"/> is the application's
        /// calendar of Chinese public holidays (given the date in China Standard Time, UTC+8), which DeepSeek bills off-peak;
        /// holidays cannot be computed, so without a calendar they count as peak.
        /// </summary>
        public static bool IsPeak(DateTimeOffset time, Func<DateTime, bool>? holidayCalendar) => DeepSeekCatalog.IsPeak(time, holidayCalendar);

        /// <summary>True when any instant from <paramref name="start"/> to <paramref name="end"/> is in peak hours.</summary>
        public static bool IsPeakDuring(DateTimeOffset start, DateTimeOffset end, Func<DateTime, bool>? holidayCalendar = null)
            => DeepSeekCatalog.IsPeakDuring(start, end, holidayCalendar);

        /// <summary>
        /// The current price of <paramref name="model"/>; a retired alias or a legacy name (<c>deepseek-v4-flash</c>) is priced
        /// as the model that replaced it.
        /// </summary>
        /// <exception cref="ArgumentException">The catalog has no price for the model (another host's id, or a typo).</exception>
        public static DeepSeekTieredPrice For(string model)
        {
            if (model == null)
            {
                throw new ArgumentNullException(nameof(model));
            }

            return TryFor(model, out var price)
                ? price!
                : throw new ArgumentException(
                    $"No DeepSeek price is known for model '{model}'. Known models: {DeepSeekCatalog.Flash}, {DeepSeekCatalog.V4Pro}; pass a DeepSeekPrice explicitly for others.",
                    nameof(model));
        }

        /// <summary>The current price of <paramref name="model"/>, or false when the catalog has none.</summary>
        public static bool TryFor(string? model, out DeepSeekTieredPrice? price)
        {
            var catalogPrice = DeepSeekCatalog.FindPrice(model);
            price = catalogPrice == DeepSeekCatalog.FlashPrice ? Flash
                : catalogPrice == DeepSeekCatalog.V4ProPrice ? V4Pro
                : null;
            return price != null;
        }

        private static DeepSeekTieredPrice From(ModelPrice price) => new DeepSeekTieredPrice(From(price.Peak), From(price.OffPeak));

        private static DeepSeekPrice From(CatalogPrice price) => new DeepSeekPrice(price.CacheHitInput, price.CacheMissInput, price.Output);
    }
}
