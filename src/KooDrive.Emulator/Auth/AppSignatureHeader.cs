namespace KooDrive.Emulator.Auth;

/// <summary>
/// The parsed <c>Authorization: HMAC-SHA256 AppId=..,SignedHeaders=..,Signature=..</c> header. Parsing is
/// strict about what the docs state: one space after the algorithm, no spaces after the commas, the three
/// keys in this order, SignedHeaders lower-case, sorted and without repeats, a 64-digit lower-case hex signature.
/// </summary>
internal sealed record AppSignatureHeader(string AppId, IReadOnlyList<string> SignedHeaders, string Signature)
{
    private const string Prefix = AppSignature.Algorithm + " ";

    public static bool IsAppSignature(string authorization) => authorization.StartsWith(Prefix, StringComparison.Ordinal);

    public static AppSignatureHeader? TryParse(string authorization, out string problem)
    {
        problem = string.Empty;
        var parts = authorization[Prefix.Length..].Split(',');
        if (parts.Length != 3
            || !TryValue(parts[0], "AppId=", out var appId)
            || !TryValue(parts[1], "SignedHeaders=", out var signedHeaders)
            || !TryValue(parts[2], "Signature=", out var signature))
        {
            problem = "expected 'HMAC-SHA256 AppId=<id>,SignedHeaders=<list>,Signature=<hex>'.";
            return null;
        }

        var names = signedHeaders.Split(';');
        for (var i = 0; i < names.Length; i++)
        {
            var name = names[i];
            if (name.Length == 0 || name.Any(c => char.IsAsciiLetterUpper(c) || char.IsWhiteSpace(c)))
            {
                problem = "SignedHeaders must be lower-case header names separated by ';'.";
                return null;
            }

            if (i > 0 && string.CompareOrdinal(names[i - 1], name) >= 0)
            {
                problem = "SignedHeaders must be sorted and must not repeat a name.";
                return null;
            }
        }

        if (signature.Length != 64 || !signature.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
        {
            problem = "Signature must be 64 lower-case hexadecimal digits.";
            return null;
        }

        return new AppSignatureHeader(appId, names, signature);
    }

    private static bool TryValue(string part, string key, out string value)
    {
        value = part.StartsWith(key, StringComparison.Ordinal) ? part[key.Length..] : string.Empty;
        return value.Length > 0;
    }
}
