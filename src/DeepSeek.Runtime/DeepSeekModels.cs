using System;
using DeepSeek.Catalog;

namespace DeepSeek.Runtime
{
    /// <summary>Current DeepSeek model ids, and the migration of retired aliases.</summary>
    public static class DeepSeekModels
    {
        /// <summary>V4 Flash: the default economical model.</summary>
        public const string V4Flash = DeepSeekCatalog.V4Flash;

        /// <summary>V4 Pro: for hard tasks.</summary>
        public const string V4Pro = DeepSeekCatalog.V4Pro;

        /// <summary>True for a retired alias (<c>deepseek-chat</c>, <c>deepseek-reasoner</c>), case-insensitive.</summary>
        public static bool IsRetiredAlias(string model) => DeepSeekCatalog.FindAlias(model) != null;

        /// <summary>The current model id for a retired alias; any other id is returned unchanged.</summary>
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
