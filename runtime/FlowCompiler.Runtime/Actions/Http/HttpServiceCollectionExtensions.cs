using System.Text;
using FlowCompiler.Runtime.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Telemetry;

namespace FlowCompiler.Runtime.Actions.Http;

/// <summary>Registers <see cref="HttpActionClient"/> with its timeouts and retries.</summary>
public static class HttpServiceCollectionExtensions
{
    private const string PipelineName = "flow-http";

    /// <summary>
    /// Registers <see cref="HttpActionOptions"/> and <see cref="HttpActionClient"/> as a typed client of
    /// <see cref="IHttpClientFactory"/>, behind a resilience pipeline: a total timeout, retries with
    /// exponential backoff for idempotent methods only, and a timeout per attempt. A failed attempt logs one warning
    /// line in <see cref="FlowLogCategories.Http"/>; the HTTP client's and Polly's own logs (a line per request, a stack
    /// trace per retry) are left out.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; bind them from configuration here or with <c>services.Configure</c>.</param>
    /// <returns>The client's builder, for further handlers.</returns>
    public static IHttpClientBuilder AddFlowHttp(this IServiceCollection services, Action<HttpActionOptions>? configure = null)
    {
        var options = services.AddOptions<HttpActionOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        var client = services
            .AddHttpClient<HttpActionClient>((provider, http) =>
            {
                // The resilience pipeline owns every timeout; HttpClient's own would cut across the retries.
                http.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
                http.MaxResponseContentBufferSize = ConfiguredOptions(provider).MaxResponseBytes;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // Header values are rendered from event data and may hold any character; the default refuses all but ASCII.
                RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8,
            });
        client.RemoveAllLoggers();
        client.AddResilienceHandler(PipelineName, (pipeline, context) =>
        {
            var loggers = context.ServiceProvider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
            // Polly's metrics stay; its log would repeat each failure with the exception's stack.
            pipeline.ConfigureTelemetry(new TelemetryOptions { LoggerFactory = NullLoggerFactory.Instance });
            AddStrategies(pipeline, ConfiguredOptions(context.ServiceProvider), loggers.CreateLogger(FlowLogCategories.Http));
        });
        return client;
    }

    private static HttpActionOptions ConfiguredOptions(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<HttpActionOptions>>().Value;

    private static void AddStrategies(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, HttpActionOptions options, ILogger logger)
    {
        pipeline.AddTimeout(options.TotalTimeout);
        if (options.MaxRetryAttempts > 0)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,

                // A flow run should not sleep for as long as a server asks; the total timeout bounds the waits.
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(
                    IdempotentHttpMethods.Contains(args.Context.GetRequestMessage()?.Method)
                    && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                OnRetry = args => HttpRetryLog.OnRetry(logger, args, options.MaxRetryAttempts),
            });
        }

        pipeline.AddTimeout(options.Timeout);
    }
}
