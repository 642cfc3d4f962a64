namespace VmBench.Contract;

/// <summary>A check found a rule of the contract broken; the message says which and how.</summary>
public sealed class ContractViolation : Exception
{
    public ContractViolation()
    {
    }

    public ContractViolation(string message)
        : base(message)
    {
    }

    public ContractViolation(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Throws with <paramref name="message"/> unless <paramref name="condition"/> holds.</summary>
    public static void Unless(bool condition, string message)
    {
        if (!condition)
        {
            throw new ContractViolation(message);
        }
    }
}
