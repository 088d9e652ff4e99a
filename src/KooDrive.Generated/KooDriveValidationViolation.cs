namespace KooDrive.Generated;

/// <summary>One rule of the KooDrive spec that a request broke.</summary>
/// <param name="Path">Where, starting at the method parameter: <c>request.ScopeList[3].LocalPath</c>, <c>deviceId</c>.</param>
/// <param name="Rule">The rule: a JSON Schema keyword or data annotation (<c>maxLength</c>, <c>MaxLength</c>,
/// <c>RegularExpression</c>, <c>enum</c>, <c>x-koodrive-not-both-empty</c>, <c>x-koodrive-id</c> …).</param>
/// <param name="Message">What the rule requires, in words.</param>
public sealed record KooDriveValidationViolation(string Path, string Rule, string Message);
