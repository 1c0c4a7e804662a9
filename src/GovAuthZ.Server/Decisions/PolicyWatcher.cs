using System.Threading.Channels;
using GovAuthZ.Server.Configuration;
using GovAuthZ.Server.Logging;

namespace GovAuthZ.Server.Decisions;

/// <summary>
/// Watches the policy folder and reloads the store once the folder has been quiet for the debounce
/// interval. Thread safety: watcher events only restart the debounce timer; the timer only posts a signal
/// into a channel of capacity one; one worker loop drains it, so reloads never overlap and a burst of
/// changes during a reload collapses into one more reload after it.
/// </summary>
internal sealed class PolicyWatcher : BackgroundService
{
    private static readonly string[] WatchedFiles = ["model.conf", "policy.csv", "catalog.yaml", "purposes.yaml"];

    private readonly PolicyReloader _reloader;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TimeSpan _debounce;
    private readonly bool _enabled;
    private readonly Channel<bool> _signals = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private ITimer? _timer;
    private FileSystemWatcher? _watcher;

    public PolicyWatcher(PolicyReloader reloader, TimeProvider time, ServerOptions options, ILogger<PolicyWatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(reloader);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _reloader = reloader;
        _time = time;
        _logger = logger;
        _debounce = TimeSpan.FromMilliseconds(Math.Max(0, options.Policy.ReloadDebounceMs));
        _enabled = options.Policy.WatchForChanges;
    }

    /// <summary>True for the files a revision is made of; other files in the folder (tests/, editor swap files) are ignored.</summary>
    public static bool IsPolicyFile(string? path)
    {
        var name = Path.GetFileName(path);
        foreach (var watched in WatchedFiles)
        {
            if (string.Equals(name, watched, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Restarts the quiet period; the reload runs when no further change arrives within it.</summary>
    public void NotifyChanged() => _timer?.Change(_debounce, Timeout.InfiniteTimeSpan);

    /// <summary>
    /// Starts watching before returning, so a change made once the host has started is never missed
    /// (ExecuteAsync runs later, on the thread pool).
    /// </summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var directory = _reloader.Store.Directory;
        if (_enabled && Directory.Exists(directory))
        {
            _timer = _time.CreateTimer(static state => ((PolicyWatcher)state!).Signal(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _watcher = CreateWatcher(directory);
            ServerLog.PolicyWatchStarted(_logger, directory, (int)_debounce.TotalMilliseconds);
        }

        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _watcher?.Dispose();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        _timer?.Dispose();
    }

    public override void Dispose()
    {
        _watcher?.Dispose();
        _timer?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_timer is null)
        {
            return;
        }

        try
        {
            await foreach (var _ in _signals.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                _reloader.Reload("file change");
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown: StopAsync disposes the watcher and the timer.
        }
    }

    private void Signal() => _signals.Writer.TryWrite(true);

    private FileSystemWatcher CreateWatcher(string directory)
    {
        var watcher = new FileSystemWatcher(directory)
        {
            IncludeSubdirectories = false,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        watcher.Changed += OnChanged;
        watcher.Created += OnChanged;
        watcher.Deleted += OnChanged;
        watcher.Renamed += OnRenamed;
        watcher.Error += OnError;
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    private void OnChanged(object sender, FileSystemEventArgs e)
    {
        if (IsPolicyFile(e.Name))
        {
            NotifyChanged();
        }
    }

    // Editors and deploy tools commonly write a temporary file and rename it over the real one.
    private void OnRenamed(object sender, RenamedEventArgs e)
    {
        if (IsPolicyFile(e.Name) || IsPolicyFile(e.OldName))
        {
            NotifyChanged();
        }
    }

    // An overflowed event buffer loses changes; reloading is the only way to be sure of the folder's state.
    private void OnError(object sender, ErrorEventArgs e)
    {
        ServerLog.PolicyWatchError(_logger, e.GetException());
        NotifyChanged();
    }
}
