using System.Collections.Concurrent;
using Yorisoi.Tests.Integration.Infrastructure;

namespace Yorisoi.Tests.Browser.Infrastructure;

/// <summary>
/// TOTP codes for browser sign-ins. The server accepts each code once per user, so every sign-in gets a code
/// from a time step that user has not used yet, and never one about to expire while the page is slow.
/// </summary>
public static class AuthenticatorCodes
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    /// <summary>A code typed with less time left than this may expire between filling the form and the server checking it.</summary>
    private static readonly TimeSpan MinimumRemaining = TimeSpan.FromSeconds(5);

    private static readonly ConcurrentDictionary<string, UserSteps> Users = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Runs <paramref name="submit"/> with a fresh code for <paramref name="email"/>, one sign-in of that user at a time.
    /// When the server rejects the code (the step turned over on a slow machine), it tries once more with the next step.
    /// </summary>
    public static async Task SubmitAsync(string email, string base32Key, Func<string, Task<bool>> submit)
    {
        var user = Users.GetOrAdd(email, _ => new UserSteps());
        await user.Gate.WaitAsync();
        try
        {
            for (var attempt = 0; attempt < 2; attempt++)
            {
                var step = await UnusedStepAsync(user.LastStep);
                user.LastStep = step;
                if (await submit(Totp.Code(base32Key, DateTimeOffset.FromUnixTimeSeconds(step * (long)Step.TotalSeconds))))
                {
                    return;
                }
            }

            throw new InvalidOperationException($"The server rejected two consecutive authenticator codes for {email}.");
        }
        finally
        {
            user.Gate.Release();
        }
    }

    /// <summary>Waits, by watching the clock, until the current step is newer than <paramref name="lastUsed"/> and has enough time left.</summary>
    private static async Task<long> UnusedStepAsync(long lastUsed)
    {
        while (true)
        {
            var now = DateTimeOffset.UtcNow;
            var step = now.ToUnixTimeSeconds() / (long)Step.TotalSeconds;
            var remaining = DateTimeOffset.FromUnixTimeSeconds((step + 1) * (long)Step.TotalSeconds) - now;
            if (step > lastUsed && remaining >= MinimumRemaining)
            {
                return step;
            }

            // Only the clock can end this wait; a quarter second keeps it responsive without spinning.
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    private sealed class UserSteps
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public long LastStep { get; set; } = -1;
    }
}
