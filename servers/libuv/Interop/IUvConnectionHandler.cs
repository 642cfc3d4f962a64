namespace VmBench.Servers.Libuv.Interop;

/// <summary>What a listener's owner does when <c>uv_connection_cb</c> fires (on the loop thread).</summary>
internal interface IUvConnectionHandler
{
    void OnConnection(UvStreamHandle listener, int status);
}
