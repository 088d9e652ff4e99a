using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Runtime.Serialization;
using KooDrive.Generated.Serialization;
using Newtonsoft.Json;

namespace KooDrive.Generated.Validation;

/// <summary>
/// Validates a request body and everything in it against the spec before it is serialized.
/// </summary>
/// <remarks>
/// Two sources, both generated from the spec: the data annotations NSwag writes on each DTO property
/// (required, minItems/maxItems as MinLength/MaxLength, maxLength as StringLength, pattern as
/// RegularExpression), and, for what annotations cannot say, the embedded spec itself: constraints on array
/// items, <c>x-koodrive-not-both-empty</c>, <c>x-koodrive-id</c>. Enum properties must hold a declared member
/// (the generated enum is the spec's enum).
/// </remarks>
internal static class RequestBodyValidator
{
    public static void Validate(object body, string root, KooDriveContractResolver resolver)
    {
        var violations = new List<KooDriveValidationViolation>();
        Walk(body, root, resolver, violations, depth: 0);
        if (violations.Count > 0)
        {
            throw new KooDriveValidationException(violations);
        }
    }

    private static void Walk(object value, string path, KooDriveContractResolver resolver, List<KooDriveValidationViolation> violations, int depth)
    {
        if (depth > 32)
        {
            violations.Add(new(path, "depth", "nests deeper than 32 levels"));
            return;
        }

        var type = value.GetType();
        var schema = resolver.SchemaFor(type);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<JsonPropertyAttribute>() is not { } json || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var propertyValue = property.GetValue(value);
            var propertyPath = $"{path}.{property.Name}";
            CheckAnnotations(value, property, propertyValue, propertyPath, violations);

            if (propertyValue is Enum member && !Enum.IsDefined(member.GetType(), member))
            {
                violations.Add(new(propertyPath, "enum", $"must be one of {DescribeEnum(member.GetType())} (spec: enum)"));
            }

            var spec = schema?.Properties.GetValueOrDefault(json.PropertyName ?? property.Name);
            if (spec?.IsId == true && propertyValue is string id)
            {
                CheckId(id, propertyPath, violations);
            }

            if (propertyValue is IEnumerable items and not string)
            {
                var index = 0;
                foreach (var item in items)
                {
                    var itemPath = string.Create(CultureInfo.InvariantCulture, $"{propertyPath}[{index++}]");
                    switch (item)
                    {
                        case null:
                            violations.Add(new(itemPath, "required", "must not be null"));
                            break;
                        case string text:
                            foreach (var (rule, message) in spec?.ItemRule?.Check(text) ?? [])
                            {
                                violations.Add(new(itemPath, rule, message));
                            }

                            if (spec?.ItemsAreIds == true)
                            {
                                CheckId(text, itemPath, violations);
                            }

                            break;
                        default:
                            if (resolver.SchemaFor(item.GetType()) is not null)
                            {
                                Walk(item, itemPath, resolver, violations, depth + 1);
                            }

                            break;
                    }
                }
            }
            else if (propertyValue is not null && resolver.SchemaFor(propertyValue.GetType()) is not null)
            {
                Walk(propertyValue, propertyPath, resolver, violations, depth + 1);
            }
        }

        foreach (var group in schema?.NotBothEmpty ?? [])
        {
            CheckNotAllEmpty(value, path, group, violations);
        }
    }

    private static void CheckAnnotations(object owner, PropertyInfo property, object? value, string path, List<KooDriveValidationViolation> violations)
    {
        var context = new ValidationContext(owner) { MemberName = property.Name, DisplayName = property.Name };
        foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>())
        {
            if (attribute.GetValidationResult(value, context) is { } failure && failure != ValidationResult.Success)
            {
                var rule = attribute.GetType().Name;
                violations.Add(new(path, rule.EndsWith("Attribute", StringComparison.Ordinal) ? rule[..^"Attribute".Length] : rule, failure.ErrorMessage ?? rule));
            }
        }
    }

    private static void CheckId(string id, string path, List<KooDriveValidationViolation> violations)
    {
        if (IdText.IsDigits(id))
        {
            return;
        }

        violations.Add(new(path, "x-koodrive-id", IdText.HasUnsafeIntegerMarker(id)
            ? IdText.UnsafeIntegerProblem
            : "must be a KooDrive ID: one or more decimal digits (spec: x-koodrive-id)"));
    }

    private static void CheckNotAllEmpty(object owner, string path, IReadOnlyList<string> jsonNames, List<KooDriveValidationViolation> violations)
    {
        var properties = owner.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonPropertyAttribute>() is { } json && jsonNames.Contains(json.PropertyName ?? p.Name, StringComparer.Ordinal))
            .ToArray();
        if (properties.Length == 0 || properties.Any(p => p.GetValue(owner) is not (null or "")))
        {
            return;
        }

        var names = string.Join(" and ", properties.Select(p => p.Name));
        violations.Add(new($"{path}.{properties[0].Name}", "x-koodrive-not-both-empty", $"{names} cannot {(properties.Length == 2 ? "both" : "all")} be empty (spec: x-koodrive-not-both-empty)"));
    }

    private static string DescribeEnum(Type type) => string.Join(", ", type.GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => f.GetCustomAttribute<EnumMemberAttribute>()?.Value is { } wire ? $"{f.Name} ({wire})" : f.Name));
}
