namespace KooDrive.Emulator.Tests.Support;

public enum AuthMode
{
    Bearer,
    AppSignature,
}
