using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yorisoi.Core.Cases;
using Yorisoi.Core.CodeLists;
using Yorisoi.Core.Data;
using Yorisoi.Core.Security;
using Yorisoi.Text.Analysis;

namespace Yorisoi.Core.Assistance.Classification;

public sealed class CaseCodeModelOptions
{
    /// <summary>Approved cases needed before a model is trained: below this the shipped tier stands alone.</summary>
    public int MinimumCases { get; set; } = 200;

    /// <summary>Hours between scheduled trainings; 0 trains only on start (when there is no model) and on demand.</summary>
    public double RetrainHours { get; set; } = 24;

    /// <summary>Train at start when no model is saved yet.</summary>
    public bool TrainOnStart { get; set; } = true;
}

/// <summary>
/// Trains the <see cref="CaseCodeModel"/> on the instance's approved cases (完了: an approver accepted their codes), all
/// centers together, as classification is the same task everywhere and a small center gains most. About one case in ten
/// (up to <see cref="MaxHeldOut"/>) is held out, always the same ones, to measure the model before it is put in use.
/// </summary>
public sealed partial class CaseCodeModelTrainer(
    IServiceScopeFactory scopes, IMorphologicalAnalyzer analyzer, CaseCodeModelStore store, CaseCodeModelOptions options, TimeProvider clock, ILogger<CaseCodeModelTrainer> logger)
{
    /// <summary>Enough to measure each field to about ±0.01; more would only slow the training.</summary>
    public const int MaxHeldOut = 10_000;

    private const int PageSize = 5_000;

    /// <summary>Trains a model and puts it in use; returns null without changing anything when another training runs on this host.</summary>
    public async Task<CaseCodeModelAttempt?> TrainAsync(CancellationToken ct = default)
    {
        if (!store.TryBeginTraining())
        {
            return null;
        }

        var started = Stopwatch.GetTimestamp();
        var attempt = new CaseCodeModelAttempt(clock.GetUtcNow(), CaseCodeModelTrainingResult.Failed, 0, 0);
        try
        {
            var approved = await CountApprovedAsync(ct);
            if (approved < options.MinimumCases)
            {
                attempt = attempt with { Result = CaseCodeModelTrainingResult.TooFewCases, Cases = approved };
                LogTooFew(approved, options.MinimumCases);
                return attempt;
            }

            var builder = new CaseCodeModel.Builder(analyzer);
            var heldOut = new List<TrainingCase>();
            var seen = 0;
            await foreach (var page in PagesAsync(ct))
            {
                var training = new List<TrainingCase>(page.Count);
                foreach (var (id, c) in page)
                {
                    seen++;
                    if (IsHeldOut(id) && heldOut.Count < MaxHeldOut)
                    {
                        heldOut.Add(c);
                    }
                    else
                    {
                        training.Add(c);
                    }
                }

                builder.Add(training);
                LogProgress(seen);
            }

            var model = builder.Build(clock.GetUtcNow(), []);
            model = model.WithQuality(Measure(model, heldOut, analyzer));
            store.Replace(model);
            attempt = attempt with { Result = CaseCodeModelTrainingResult.Trained, Cases = model.Cases };
            LogTrained(model.Version, model.Cases, heldOut.Count, Stopwatch.GetElapsedTime(started).TotalSeconds);
            return attempt;
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            LogFailed(e);
            return attempt;
        }
        finally
        {
            store.EndTraining(attempt with { Seconds = Math.Round(Stopwatch.GetElapsedTime(started).TotalSeconds, 1) });
        }
    }

    /// <summary>Top-1, top-3 and macro-F1 per field on <paramref name="heldOut"/>, cases the model did not learn from.</summary>
    public static IReadOnlyList<FieldQuality> Measure(CaseCodeModel model, IReadOnlyList<TrainingCase> heldOut, IMorphologicalAnalyzer analyzer)
    {
        var words = new IReadOnlySet<string>[heldOut.Count];
        Parallel.For(0, heldOut.Count, i => words[i] = CaseCodeModel.Words(analyzer, heldOut[i].Text));
        var quality = new List<FieldQuality>();
        foreach (var field in CaseCodeModel.FieldNames)
        {
            var counter = new FieldQualityCounter(field);
            for (var i = 0; i < heldOut.Count; i++)
            {
                var c = heldOut[i];
                IReadOnlyCollection<string> answers = field switch
                {
                    CodeListNames.Product => c.Product is { } p ? [p] : [],
                    CodeListNames.SalesForm => c.SalesForm is { } s ? [s] : [],
                    CodeListNames.Keyword => c.Keywords,
                    _ => c.Result is { } r ? [r] : [],
                };
                counter.Add(answers, [.. model.Rank(field, words[i], 3).Select(r => r.Code)]);
            }

            quality.Add(counter.Result());
        }

        return quality;
    }

    /// <summary>The same cases every time (the last byte of a version-7 id is random), so figures of two trainings compare.</summary>
    private static bool IsHeldOut(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes);
        return bytes[15] % 10 == 0;
    }

    private async Task<int> CountApprovedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().BecomeSystem();
        return await scope.ServiceProvider.GetRequiredService<YorisoiDbContext>().Cases.CountAsync(c => c.Status == CaseStatus.Completed, ct);
    }

    /// <summary>The approved cases in pages by id; the next page is read while the caller analyses this one.</summary>
    private async IAsyncEnumerable<List<(Guid Id, TrainingCase Case)>> PagesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().BecomeSystem();
        var db = scope.ServiceProvider.GetRequiredService<YorisoiDbContext>();
        Guid? after = null;
        var next = PageAsync(db, after, ct);
        while (true)
        {
            var page = await next;
            if (page.Count == 0)
            {
                yield break;
            }

            after = page[^1].Id;
            next = page.Count < PageSize ? Task.FromResult(new List<(Guid, TrainingCase)>()) : PageAsync(db, after, ct);
            yield return page;
        }
    }

    private static async Task<List<(Guid Id, TrainingCase Case)>> PageAsync(YorisoiDbContext db, Guid? after, CancellationToken ct)
    {
        var query = db.Cases.AsNoTracking().Where(c => c.Status == CaseStatus.Completed);
        if (after is { } last)
        {
            query = query.Where(c => c.Id > last);
        }

        var rows = await query
            .OrderBy(c => c.Id)
            .Take(PageSize)
            .Select(c => new { c.Id, c.Summary, c.ProductCode, c.SalesFormCode, c.ResultCode, Keywords = c.Keywords.Select(k => k.Code).ToList() })
            .ToListAsync(ct);
        return [.. rows.Select(r => (r.Id, new TrainingCase(r.Summary, r.ProductCode, r.SalesFormCode, r.Keywords, r.ResultCode)))];
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Case code model: {Cases} approved cases read")]
    private partial void LogProgress(int cases);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case code model not trained: {Cases} approved cases, {Minimum} needed")]
    private partial void LogTooFew(int cases, int minimum);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case code model {Version} trained on {Cases} cases ({HeldOut} held out) in {Seconds:0.0} s")]
    private partial void LogTrained(string version, int cases, int heldOut, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Training the case code model failed; the previous model stays in use")]
    private partial void LogFailed(Exception exception);
}
