namespace KooDrive.Emulator.Api;

/// <summary>
/// The hand-written behaviour of one spec operation. An implementation is found by its name: the class
/// <c>KooDrive.Emulator.Operations.&lt;operationId&gt;Operation</c> serves the operation of that ID, so
/// adding an operation to the spec needs one such class and nothing else in the emulator.
/// </summary>
internal interface IOperationBehaviour
{
    /// <summary>Answers an authenticated request whose query and header parameters already passed the spec's rules.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The answer.</returns>
    ApiResult Handle(ApiRequest request);
}
