using System;

namespace DeepSeek.Runtime
{
    /// <summary>
    /// Thrown by <see cref="DeepSeekBalanceGuard"/> when it has never read the balance successfully, so it cannot tell
    /// whether a request would go below the floor. The refresh error is the <see cref="Exception.InnerException"/>.
    /// </summary>
    public sealed class DeepSeekBalanceUnknownException : InvalidOperationException
    {
        internal DeepSeekBalanceUnknownException(Exception? refreshError)
            : base(
                "The request was not sent: the DeepSeek balance guard could not read the balance yet (GET /user/balance failed"
                + (refreshError == null ? string.Empty : ": " + refreshError.Message)
                + "). It tries again shortly; check the API key and the network if this persists.",
                refreshError)
        {
        }
    }
}
