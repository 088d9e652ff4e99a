namespace KooDrive.Generated;

/// <summary>
/// A <see cref="BackupLock"/> is no longer held: renewing it failed for good. The
/// <see cref="Exception.InnerException"/> is the renewal's failure (a <see cref="KooDriveApiException"/>, an
/// <see cref="HttpRequestException"/> …). The message names the module and the times, never the lock ID.
/// </summary>
public sealed class BackupLockLostException : InvalidOperationException
{
    /// <summary>Creates the exception with a default message.</summary>
    public BackupLockLostException()
        : base("The backup lock was lost: renewing it failed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What was lost and when; never the lock ID.</param>
    public BackupLockLostException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the renewal's failure.</summary>
    /// <param name="message">What was lost and when; never the lock ID.</param>
    /// <param name="innerException">Why the renewal failed.</param>
    public BackupLockLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
