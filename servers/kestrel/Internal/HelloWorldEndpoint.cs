using Microsoft.AspNetCore.Http;

namespace VmBench.Servers.Kestrel.Internal;

/// <summary>The http mode's only endpoint: <c>GET /</c> answers a fixed plain-text body, anything else 404.</summary>
internal static class HelloWorldEndpoint
{
    private static readonly byte[] s_body = "Hello, World!"u8.ToArray();

    public static async Task HandleAsync(HttpContext context)
    {
        var response = context.Response;
        if (!string.Equals(context.Request.Path.Value, "/", StringComparison.Ordinal))
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            response.ContentLength = 0;
            return;
        }

        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "GET, HEAD";
            response.ContentLength = 0;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/plain";
        response.ContentLength = s_body.Length;
        if (HttpMethods.IsGet(context.Request.Method))
        {
            await response.BodyWriter.WriteAsync(s_body, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
