using System.Collections;
using System.Collections.ObjectModel;
using System.Reflection;
using System.Text;
using FsCheck.Xunit;
using KooDrive.Generated.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KooDrive.Generated.Tests.Serialization;

/// <summary>
/// The generated readers and writers stand in for Newtonsoft's contracts: for every model of the spec, filled with
/// arbitrary values, the writer's bytes are the contract's bytes (or both refuse), and reading them back gives a
/// model that writes the same bytes again.
/// </summary>
public class GeneratedModelIOTests
{
    private static readonly JsonSerializerSettings Settings = KooDriveJsonSettings.Create();

    private static readonly Type[] ModelTypes =
        [.. typeof(KooDriveResult).Assembly.GetTypes().Where(KooDriveModels.IsModel).OrderBy(t => t.Name, StringComparer.Ordinal)];

    [Fact]
    public void Every_model_of_the_spec_has_a_generated_reader_and_writer()
    {
        Assert.NotEmpty(ModelTypes);
        foreach (var type in ModelTypes)
        {
            Assert.True(WriterOf(type) is not null, $"{type.Name} has no generated writer.");
            using var reader = new JsonTextReader(new StringReader("{}"));
            reader.Read();
            var read = ReadRequiring(type, reader);
            Assert.IsType(type, read);
        }
    }

    [Fact]
    public void Every_declared_member_name_is_in_the_name_table_the_response_reader_shares()
    {
        foreach (var type in ModelTypes)
        {
            foreach (var name in type.GetProperties().Select(p => p.GetCustomAttribute<JsonPropertyAttribute>()?.PropertyName).OfType<string>())
            {
                Assert.True(KooDriveModelIO.Names.Get(name.ToCharArray(), 0, name.Length) is not null, $"{type.Name}.{name} is not in KooDriveModelIO.Names.");
            }
        }
    }

    [Property(MaxTest = 60)]
    public void Every_model_is_written_byte_for_byte_as_its_Newtonsoft_contract_writes_it_and_reads_back_to_the_same_bytes(int seed)
    {
        var random = new Random(seed);
        foreach (var type in ModelTypes)
        {
            var value = Fill(type, random, depth: 0);
            var expected = Outcome(() => JsonConvert.SerializeObject(value, Settings));
            var written = Outcome(() => WriteGenerated(value!));
            Assert.True(expected == written, $"{type.Name}, seed {seed}:\n contract:  {expected}\n generated: {written}");
            if (expected.StartsWith('{'))
            {
                using var reader = new JsonTextReader(new StringReader(expected)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double };
                var read = ModelReading.ReadDocument(reader, type);
                Assert.Equal(expected, WriteGenerated(read!));
            }
        }
    }

    [Fact]
    public void A_required_member_left_null_is_refused_by_the_writer_as_by_the_contract()
    {
        var request = new DeleteBackupScopesRequest { ScopeIdList = null! };

        Assert.Throws<JsonSerializationException>(() => JsonConvert.SerializeObject(request, Settings));
        var refused = Assert.Throws<JsonSerializationException>(() => WriteGenerated(request));
        Assert.Contains("'scopeIdList'", refused.Message, StringComparison.Ordinal);
    }

    private static object? ReadRequiring(Type type, JsonReader reader)
    {
        try
        {
            return KooDriveModelIO.Read(type, reader, null);
        }
        catch (JsonSerializationException exception) when (exception.Message.StartsWith("Required property", StringComparison.Ordinal))
        {
            return Activator.CreateInstance(type);
        }
    }

    private static MethodInfo? WriterOf(Type type) =>
        typeof(KooDriveModelIO).GetMethod(nameof(KooDriveModelIO.Write), BindingFlags.Public | BindingFlags.Static, [typeof(JsonWriter), type]);

    private static string WriteGenerated(object value)
    {
        var text = new StringBuilder();
        using (var writer = new JsonTextWriter(new StringWriter(text)))
        {
            try
            {
                WriterOf(value.GetType())!.Invoke(null, [writer, value]);
            }
            catch (TargetInvocationException exception) when (exception.InnerException is { } inner)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(inner);
            }
        }

        return text.ToString();
    }

    private static string Outcome(Func<string> write)
    {
        try
        {
            return write();
        }
        catch (JsonSerializationException)
        {
            return "refused: " + nameof(JsonSerializationException);
        }
    }

    // Arbitrary values of every kind the models hold: nulls, escapes, IDs of digits, undefined enum values, lists
    // with null items, nested models and kept unknown members.
    private static object? Fill(Type type, Random random, int depth)
    {
        var value = Activator.CreateInstance(type)!;
        foreach (var property in type.GetProperties())
        {
            if (property.GetCustomAttribute<JsonPropertyAttribute>() is not { PropertyName: { } json })
            {
                continue;
            }

            var kind = KooDriveModels.IdKindOf(type, json);
            property.SetValue(value, Value(property.PropertyType, kind, random, depth));
        }

        if (type.GetProperty("AdditionalProperties") is { } extra && random.Next(3) == 0)
        {
            var members = (IDictionary<string, object>)extra.GetValue(value)!;
            members["kept"] = random.Next(3) switch
            {
                0 => "text \"quoted\" ü",
                1 => new JObject { ["n"] = 1842846715527366528L, ["a"] = new JArray(1, "x", JValue.CreateNull()) },
                _ => random.Next(),
            };
        }

        return value;
    }

    private static object? Value(Type type, IdKind kind, Random random, int depth)
    {
        var nullable = Nullable.GetUnderlyingType(type);
        if ((!type.IsValueType || nullable is not null) && random.Next(5) == 0)
        {
            return null;
        }

        type = nullable ?? type;
        if (type == typeof(string))
        {
            return kind == IdKind.Scalar ? Digits(random) : Text(random);
        }

        if (type == typeof(int))
        {
            return random.Next(4) == 0 ? int.MinValue + random.Next(3) : random.Next(-5, 100_000);
        }

        if (type.IsEnum)
        {
            var defined = Enum.GetValues(type);
            return random.Next(8) == 0 ? Enum.ToObject(type, 77) : defined.GetValue(random.Next(defined.Length));
        }

        if (KooDriveModels.IsModel(type))
        {
            return depth > 2 ? null : Fill(type, random, depth + 1);
        }

        if (type.IsGenericType && type.GetGenericArguments()[0] is var item && typeof(IEnumerable<>).MakeGenericType(item).IsAssignableFrom(type))
        {
            var list = (IList)Activator.CreateInstance(typeof(Collection<>).MakeGenericType(item))!;
            for (var i = random.Next(4); i > 0; i--)
            {
                list.Add(item == typeof(string)
                    ? kind == IdKind.List ? Digits(random) : Text(random)
                    : random.Next(4) == 0 ? null : Value(item, IdKind.None, random, depth));
            }

            return list;
        }

        throw new InvalidOperationException($"The test cannot fill a {type}; teach it.");
    }

    private static string Digits(Random random) => random.NextInt64(1, long.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture) + random.Next(10);

    private static string Text(Random random) => random.Next(4) switch
    {
        0 => string.Empty,
        1 => "/a/b c/相册 \U0001F600",
        2 => "\"quote\" \\ back\n\t<tag>&'",
        _ => random.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
