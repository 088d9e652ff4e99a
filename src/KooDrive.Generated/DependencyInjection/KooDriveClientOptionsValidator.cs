using KooDrive.Generated.Configuration;
using Microsoft.Extensions.Options;

namespace KooDrive.Generated.DependencyInjection;

/// <summary>
/// Validates <see cref="KooDriveClientOptions"/> with the same rules as the constructor path
/// (<see cref="KooDriveClientOptions.GetValidationErrors"/>), so a host fails at start-up with every
/// missing or invalid setting named, instead of at the first call.
/// </summary>
internal sealed class KooDriveClientOptionsValidator : IValidateOptions<KooDriveClientOptions>
{
    public ValidateOptionsResult Validate(string? name, KooDriveClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.GetValidationErrors();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
