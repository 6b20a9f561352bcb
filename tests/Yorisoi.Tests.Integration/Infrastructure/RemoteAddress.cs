using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Yorisoi.Tests.Integration.Infrastructure;

/// <summary>
/// The in-memory test server has no network connection, so no remote address. This puts the address named in the
/// <see cref="Header"/> request header on the connection before the host's own pipeline runs, as a socket would.
/// </summary>
public static class RemoteAddress
{
    public const string Header = "X-Test-Remote-Address";

    public static IWebHostBuilder WithRemoteAddressFromHeader(this IWebHostBuilder builder) =>
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, Filter>());

    private sealed class Filter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
