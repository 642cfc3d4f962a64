using VmBench.Servers.Libuv.Interop;

namespace VmBench.Servers.Libuv.Tests;

[Trait(Tier.Key, Tier.Fast)]
public sealed class BindingTests
{
    [Fact]
    public void HandlesRefuseToBeUsedOffTheirLoopThread()
    {
        var loop = new UvLoopHandle();
        loop.Init();
        var tcp = new UvTcpHandle(loop);
        Exception? createError = null;
        Exception? closeError = null;
        var other = new Thread(() =>
        {
            createError = Record.Exception(() => new UvTcpHandle(loop));
            closeError = Record.Exception(tcp.Dispose); // uv_close off the loop thread
        });
        other.Start();
        other.Join();

        Assert.IsType<InvalidOperationException>(createError);
        Assert.IsType<InvalidOperationException>(closeError);
        Assert.False(tcp.IsClosed);
        Assert.Single(loop.Walk());

        tcp.Dispose();
        loop.Run(); // runs the close callback, which frees the handle
        Assert.Empty(loop.Walk());
        loop.Dispose();
        Assert.Equal(0, loop.CloseResult);
    }

    [Fact]
    public void ErrorsCarryLibuvNamesAndMessages()
    {
        var error = UvErrors.ToException(UvErrors.EndOfFile, "uv_read");

        Assert.Equal("EOF", error.ErrorName);
        Assert.Equal(UvErrors.EndOfFile, error.Code);
        Assert.Equal("uv_read: end of file (EOF)", error.Message);
    }
}
