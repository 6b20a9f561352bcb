using Microsoft.Extensions.Logging;

namespace Yorisoi.Core.Assistance.Classification;

/// <summary>Where the trained tier stands, as administrators see it.</summary>
public enum CaseCodeModelState
{
    /// <summary>No model has been trained yet: suggestions come from what the project ships.</summary>
    None,

    /// <summary>A model is loaded and blended into the suggestions.</summary>
    Loaded,

    /// <summary>The model file is missing parts or damaged: suggestions come from what the project ships until the next training.</summary>
    Unreadable,
}

/// <summary>The last training attempt: when, and why it gave no model if it did not.</summary>
public enum CaseCodeModelTrainingResult
{
    Trained,

    /// <summary>Fewer approved cases than the minimum: a model learned from a handful would mislead more than help.</summary>
    TooFewCases,

    Failed,
}

public sealed record CaseCodeModelAttempt(DateTimeOffset At, CaseCodeModelTrainingResult Result, int Cases, double Seconds);

/// <summary>What the administrators' page and API show of the trained tier.</summary>
public sealed record CaseCodeModelStatus(
    CaseCodeModelState State,
    string? Version,
    int Cases,
    DateTimeOffset? TrainedAt,
    IReadOnlyList<FieldQuality> Quality,
    bool Training,
    CaseCodeModelAttempt? LastAttempt);

/// <summary>
/// The trained model of this host, kept in a file of the data folder (like the search index, each host has its own and
/// trains it from the shared database). The suggestions read <see cref="Current"/> on every request without a lock; a
/// new model replaces the file atomically and then the reference, so a crash mid-save leaves the previous model.
/// </summary>
public sealed partial class CaseCodeModelStore(string path, ILogger<CaseCodeModelStore> logger)
{
    private volatile CaseCodeModel? _current;
    private volatile CaseCodeModelAttempt? _lastAttempt;
    private volatile bool _unreadable;
    private int _training;

    public string Path => path;

    /// <summary>The model blended into the suggestions, or null when the shipped tier stands alone.</summary>
    public CaseCodeModel? Current => _current;

    public CaseCodeModelStatus Status
    {
        get
        {
            var model = _current;
            var state = model is not null ? CaseCodeModelState.Loaded : _unreadable ? CaseCodeModelState.Unreadable : CaseCodeModelState.None;
            return new CaseCodeModelStatus(state, model?.Version, model?.Cases ?? 0, model?.TrainedAt, model?.Quality ?? [], Volatile.Read(ref _training) != 0, _lastAttempt);
        }
    }

    /// <summary>Reads the saved model, if there is one; a damaged file leaves the shipped tier alone and a warning, never an error.</summary>
    public void Load()
    {
        if (!File.Exists(path))
        {
            return;
        }

        try
        {
            using var stream = File.OpenRead(path);
            _current = CaseCodeModel.Load(stream);
            _unreadable = false;
            LogLoaded(_current.Version, _current.Cases);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            _current = null;
            _unreadable = true;
            LogUnreadable(e, path);
        }
    }

    /// <summary>Saves <paramref name="model"/> and puts it in use.</summary>
    public void Replace(CaseCodeModel model)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var temporary = path + ".new";
        using (var stream = File.Create(temporary))
        {
            model.Save(stream);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
        _current = model;
        _unreadable = false;
    }

    /// <summary>Claims the right to train; false while another training runs on this host.</summary>
    public bool TryBeginTraining() => Interlocked.CompareExchange(ref _training, 1, 0) == 0;

    public void EndTraining(CaseCodeModelAttempt attempt)
    {
        _lastAttempt = attempt;
        Volatile.Write(ref _training, 0);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Case code model {Version} loaded ({Cases} cases)")]
    private partial void LogLoaded(string version, int cases);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The case code model file {Path} could not be read; suggestions use the shipped rules until the next training")]
    private partial void LogUnreadable(Exception exception, string path);
}
