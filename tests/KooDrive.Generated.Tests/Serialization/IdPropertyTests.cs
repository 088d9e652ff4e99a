using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KooDrive.Generated.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KooDrive.Generated.Tests.Serialization;

/// <summary>Random digit strings and JSON number forms against the ID reader: exact, or refused as documented.</summary>
[Properties(Arbitrary = [typeof(IdArbitraries)], MaxTest = 300)]
public class IdPropertyTests
{
    [Property]
    public void A_list_of_IDs_is_written_as_Newtonsoft_writes_any_list_of_strings(string?[] others, Digits[] ids, bool indented)
    {
        var values = ids.Select(d => (string?)d.Value).Concat(others).Concat(ids.Select(d => d.Value)).ToList();
        var request = new DeleteBackupScopesRequest();
        foreach (var value in values)
        {
            request.ScopeIdList.Add(value!);
        }

        var formatting = indented ? Formatting.Indented : Formatting.None;
        var written = JsonConvert.SerializeObject(request, formatting, KooDriveJson.Settings);

        Assert.Equal(JsonConvert.SerializeObject(new Dictionary<string, object> { ["scopeIdList"] = values }, formatting), written);
    }

    [Property]
    public void A_digit_string_sent_as_a_JSON_string_round_trips_exactly(Digits id)
    {
        var read = KooDriveJson.Read<ScopeInfo>(new JObject { ["scopeId"] = id.Value }.ToString());
        var written = JObject.Parse(KooDriveJson.Write(read));

        Assert.Equal(id.Value, read.ScopeId);
        Assert.Equal(JTokenType.String, written["scopeId"]!.Type);
        Assert.Equal(id.Value, (string?)written["scopeId"]);
    }

    [Property]
    public void A_whole_number_reads_as_its_digits_unless_a_floating_point_form_above_2_to_the_53_says_it_was_rounded(IntegralForm form)
    {
        var json = $$"""{"code":0,"scopeIdList":[{{form.Json}}],"failedScopeList":[{"scopeId":{{form.Json}}}]}""";
        var floatingPointForm = form.Json.AsSpan().IndexOfAny(".eE") >= 0;
        if (floatingPointForm && System.Numerics.BigInteger.Parse(form.Digits, System.Globalization.CultureInfo.InvariantCulture) > System.Numerics.BigInteger.Pow(2, 53))
        {
            var error = Assert.Throws<JsonSerializationException>(() => KooDriveJson.Read<DeleteBackupScopesResponse>(json));
            Assert.Contains("2^53", error.Message, StringComparison.Ordinal);
            return;
        }

        var read = KooDriveJson.Read<DeleteBackupScopesResponse>(json);

        Assert.Equal(form.Digits, Assert.Single(read.ScopeIdList!));
        Assert.Equal(form.Digits, Assert.Single(read.FailedScopeList!).ScopeId);
    }

    [Property]
    public void A_number_with_a_non_zero_fraction_is_always_refused_naming_its_path(FractionalForm form)
    {
        var error = Assert.Throws<JsonSerializationException>(() =>
            KooDriveJson.Read<UnbindDeviceResponse>($$$"""{"code":0,"data":{"deviceId":{{{form.Json}}}}}"""));

        Assert.Equal("data.deviceId", error.Path);
    }

    [Property]
    public void Any_JSON_value_in_an_ID_field_reads_as_digits_or_fails_with_JsonSerializationException(AnyJson value)
    {
        DeleteBackupScopesResponse? read = null;
        var error = Record.Exception(() => read = KooDriveJson.Read<DeleteBackupScopesResponse>($$"""{"code":0,"failedScopeList":[{"scopeId":{{value.Json}}}]}"""));

        if (error is null)
        {
            var id = Assert.Single(read!.FailedScopeList!).ScopeId;
            Assert.True(id is null || id.All(char.IsAsciiDigit), $"read {id} from {value.Json}");
        }
        else
        {
            Assert.IsType<JsonSerializationException>(error);
        }
    }

    [Property]
    public void A_KooDriveId_parses_and_prints_its_digits_exactly(Digits id)
    {
        var parsed = KooDriveId.Parse(id.Value);

        Assert.Equal(id.Value, parsed.ToString());
        Assert.Equal(id.Value, (string)parsed);
        Assert.Equal(parsed, KooDriveId.Parse(id.Value));
    }

    [Property]
    public void A_KooDriveId_converts_every_non_negative_long_exactly(NonNegativeInt64 value)
    {
        KooDriveId id = value.Value;

        Assert.Equal(value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), id.Digits);
        Assert.Equal(value.Value, id.ToInt64());
    }
}

public sealed record Digits(string Value);

public sealed record IntegralForm(string Json, string Digits);

public sealed record FractionalForm(string Json);

public sealed record AnyJson(string Json);

public sealed record NonNegativeInt64(long Value);

/// <summary>Generators for the ID properties.</summary>
public static class IdArbitraries
{
    private static readonly Gen<char> Digit = Gen.Elements("0123456789".ToCharArray());
    private static readonly Gen<char> NonZeroDigit = Gen.Elements("123456789".ToCharArray());

    /// <summary>1 to 60 digits, leading zeros allowed; lengths around 19 (real IDs) are frequent.</summary>
    public static Arbitrary<Digits> DigitStrings() =>
        Gen.Frequency(
                (3, Gen.Choose(17, 21)),
                (2, Gen.Choose(1, 60)))
            .SelectMany(length => Gen.ArrayOf(Digit, length))
            .Select(chars => new Digits(new string(chars)))
            .ToArbitrary();

    /// <summary>A whole number (no leading zero) written as an integer, with a zero fraction, or in exponent form.</summary>
    public static Arbitrary<IntegralForm> IntegralForms() =>
        (from digits in Canonical()
         from zeros in Gen.Choose(0, 30)
         from point in Gen.Choose(0, digits.Length - 1)
         from style in Gen.Choose(0, 4)
         from exponentChar in Gen.Elements('e', 'E')
         from plus in Gen.Elements(string.Empty, "+")
         select new IntegralForm(Write(digits, zeros, point, style, exponentChar, plus), digits))
        .ToArbitrary();

    /// <summary>A number with a non-zero fraction: a fraction digit after the point, or an exponent too small.</summary>
    public static Arbitrary<FractionalForm> FractionalForms() =>
        (from digits in Canonical()
         from fractionLength in Gen.Choose(0, 40)
         from fraction in Gen.ArrayOf(Digit, fractionLength)
         from last in NonZeroDigit
         from style in Gen.Choose(0, 1)
         select new FractionalForm(style == 0
             ? $"{digits}.{new string(fraction)}{last}"
             : $"{digits}{last}E-{digits.Length + 1}"))
        .ToArbitrary();

    /// <summary>Arbitrary JSON values: strings of any characters, numbers in any form, literals, objects, arrays.</summary>
    public static Arbitrary<AnyJson> AnyJsonValues() =>
        Gen.OneOf(
                ArbMap.Default.GeneratorFor<string>().Where(s => s is not null).Select(s => JsonConvert.ToString(s)),
                ArbMap.Default.GeneratorFor<double>().Select(d => JsonConvert.ToString(d)),
                ArbMap.Default.GeneratorFor<decimal>().Select(d => JsonConvert.ToString(d)),
                ArbMap.Default.GeneratorFor<long>().Select(l => JsonConvert.ToString(l)),
                Canonical().SelectMany(d => Gen.Elements(d, $"-{d}", $"{d}.0", $"{d}e3", $"0.{d}", $"\"{d}VW5TYWZlSW50ZWdlcg==\"")),
                Gen.Elements("true", "false", "null", "{}", "[]", "[1]", "{\"a\":[1,{\"b\":2}]}", "\"\"", "1e400", "-0", "0"))
            .Select(json => new AnyJson(json))
            .ToArbitrary();

    public static Arbitrary<NonNegativeInt64> NonNegativeInt64s() =>
        ArbMap.Default.GeneratorFor<long>()
            .Select(l => new NonNegativeInt64(l == long.MinValue ? long.MaxValue : Math.Abs(l)))
            .ToArbitrary();

    private static Gen<string> Canonical() =>
        from length in Gen.Frequency((3, Gen.Choose(17, 21)), (2, Gen.Choose(1, 28)))
        from first in NonZeroDigit
        from rest in Gen.ArrayOf(Digit, length - 1)
        select first + new string(rest);

    private static string Write(string digits, int zeros, int point, int style, char e, string plus) => style switch
    {
        0 => digits,
        1 => $"{digits}.{new string('0', zeros + 1)}",

        // d.ddd E n: the point after 'point + 1' digits, the exponent making up the rest.
        2 => $"{digits[..(point + 1)]}{Fraction(digits[(point + 1)..])}{e}{plus}{digits.Length - point - 1}",

        // Trailing zeros moved into a positive exponent: 1842...528000 is 1842...528E3.
        3 => $"{digits}{new string('0', zeros)}{e}-{zeros}",

        // A fraction padded with zeros and a matching exponent.
        _ => $"{digits[..(point + 1)]}.{digits[(point + 1)..]}{new string('0', zeros + 1)}{e}{plus}{digits.Length - point - 1}",
    };

    private static string Fraction(string rest) => rest.Length == 0 ? string.Empty : $".{rest}";
}
