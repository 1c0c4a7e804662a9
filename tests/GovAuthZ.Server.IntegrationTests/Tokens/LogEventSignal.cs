using Microsoft.Extensions.Logging;

namespace GovAuthZ.Server.IntegrationTests.Tokens;

/// <summary>
/// A logger provider whose <see cref="Task"/> completes when the host logs the given event id, so a test
/// driven by a manual clock can wait for a timer's pass to finish instead of sleeping.
/// </summary>
internal sealed class LogEventSignal(int eventId) : ILoggerProvider, ILogger
{
    private readonly TaskCompletionSource _logged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Task => _logged.Task;

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId logged, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (logged.Id == eventId)
        {
            _logged.TrySetResult();
        }
    }

    public void Dispose()
    {
    }
}
