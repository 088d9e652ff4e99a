namespace KooDrive.Emulator;

/// <summary>The environment the READMEs' quick starts read, and its shell form.</summary>
internal static class QuickstartEnvironment
{
    public static IReadOnlyList<KeyValuePair<string, string>> For(Uri baseAddress, EmulatorCredentials credentials, bool useAccessToken)
    {
        var address = baseAddress.ToString();
        List<KeyValuePair<string, string>> variables =
        [
            new("KOODRIVE_BASE_ADDRESS", address),
            new("KOODRIVE_USER_ID", credentials.UserId),
        ];
        if (useAccessToken)
        {
            variables.Add(new("KOODRIVE_ACCESS_TOKEN", credentials.BearerToken));
            return variables;
        }

        variables.Add(new("KOODRIVE_APP_ID", credentials.AppId));
        variables.Add(new("KOODRIVE_APP_SECRET", credentials.AppSecret));

        // The dependency-injection quick start reads the "KooDrive" configuration section instead.
        variables.Add(new("KooDrive__BaseAddress", address));
        variables.Add(new("KooDrive__UserId", credentials.UserId));
        variables.Add(new("KooDrive__AppId", credentials.AppId));
        variables.Add(new("KooDrive__AppSecret", credentials.AppSecret));
        return variables;
    }

    /// <summary>One POSIX shell <c>export</c> line; every value single-quoted, so any character pastes safely.</summary>
    public static string Exports(IEnumerable<KeyValuePair<string, string>> variables) =>
        "export " + string.Join(' ', variables.Select(v => $"{v.Key}='{v.Value.Replace("'", "'\\''", StringComparison.Ordinal)}'"));
}
