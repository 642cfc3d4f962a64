using Xunit.Sdk;

namespace VmBench.Testing;

/// <summary>
/// A test failure that is the harness's own message and nothing else: a server that breaks the contract or does not
/// start is the server's fault, and a stack trace of the test code would only bury what to fix.
/// </summary>
public sealed class ContractFailure : XunitException
{
    public ContractFailure(string message)
        : base(message)
    {
    }

    public override string StackTrace => string.Empty;
}
