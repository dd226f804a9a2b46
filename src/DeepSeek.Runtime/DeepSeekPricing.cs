using System;
using DeepSeek.Catalog;

namespace DeepSeek.Runtime
{
    /// <summary>Current DeepSeek prices, from the shared catalog.</summary>
    public static class DeepSeekPricing
    {
        /// <summary>V4 Flash (<c>deepseek-v4-flash</c>).</summary>
        public static readonly DeepSeekPrice V4Flash = From(DeepSeekCatalog.V4FlashPrice);

        /// <summary>V4 Pro (<c>deepseek-v4-pro</c>) at the discounted rate, which public pages say was made permanent.</summary>
        public static readonly DeepSeekPrice V4Pro = From(DeepSeekCatalog.V4ProPrice);

        /// <summary>V4 Pro at list price, for budgeting should the discount end.</summary>
        public static readonly DeepSeekPrice V4ProListPrice = From(DeepSeekCatalog.V4ProListPrice);

        /// <summary>The current price of <paramref name="model"/>; a retired alias is priced as the model that replaced it.</summary>
        /// <exception cref="ArgumentException">The catalog has no price for the model (another host's id, or a typo).</exception>
        public static DeepSeekPrice For(string model)
        {
            if (model == null)
            {
                throw new ArgumentNullException(nameof(model));
            }

            return TryFor(model, out var price)
                ? price!
                : throw new ArgumentException(
                    $"No DeepSeek price is known for model '{model}'. Known models: {DeepSeekCatalog.V4Flash}, {DeepSeekCatalog.V4Pro}; pass a DeepSeekPrice explicitly for others.",
                    nameof(model));
        }

        /// <summary>The current price of <paramref name="model"/>, or false when the catalog has none.</summary>
        public static bool TryFor(string? model, out DeepSeekPrice? price)
        {
            var catalogPrice = DeepSeekCatalog.FindPrice(model);
            if (catalogPrice == DeepSeekCatalog.V4FlashPrice)
            {
                price = V4Flash;
            }
            else if (catalogPrice == DeepSeekCatalog.V4ProPrice)
            {
                price = V4Pro;
            }
            else
            {
                price = null;
            }

            return price != null;
        }

        private static DeepSeekPrice From(CatalogPrice price) => new DeepSeekPrice(price.CacheHitInput, price.CacheMissInput, price.Output);
    }
}
