using Microsoft.EntityFrameworkCore;
using Yorisoi.Core.Assistance.Checklists;
using Yorisoi.Core.Assistance.Checks;
using Yorisoi.Core.Assistance.Classification;
using Yorisoi.Core.Assistance.Rules;
using Yorisoi.Core.Cases;
using Yorisoi.Core.Data;
using Yorisoi.Core.Security;
using Yorisoi.Text.Privacy;
using Yorisoi.Text.Summaries;

namespace Yorisoi.Core.Assistance.Summaries;

/// <summary>
/// The hand-over view of a case and the masked request for an LLM summary of it. Cases are read through
/// <see cref="CaseService"/>, so another center's case is "not found" and the attempt audited exactly as on the case page.
/// </summary>
public sealed class HandoverService(
    CaseService cases,
    CaseAssistant assistant,
    ChecklistLibrary checklists,
    InputChecks inputChecks,
    ExtractiveSummarizer summarizer,
    LlmPromptBuilder prompts,
    YorisoiDbContext db,
    TimeProvider clock)
{
    /// <summary>The latest handling-log entries shown: enough for what happened last, short enough to read at a glance.</summary>
    public const int LatestEntries = 5;

    /// <summary>Audit action of a masked case text sent to the LLM endpoint.</summary>
    public const string LlmAuditAction = "llm-summary-requested";

    public async Task<HandoverView?> GetAsync(Guid id, CancellationToken ct = default) =>
        await cases.GetAsync(id, ct) is { } detail ? await ViewOfAsync(detail, ct) : null;

    /// <summary>
    /// The hand-over view and the request for the LLM, masked: the case's stored personal values are read (decrypted in
    /// memory only, never shown or returned) to be masked by exact match before the pattern masker runs. The request is
    /// audited with the kinds of value that were masked and the model it goes to, never the values or the text.
    /// </summary>
    public async Task<(HandoverView View, LlmPrompt Prompt)?> PrepareLlmAsync(Guid id, string model, CancellationToken ct = default)
    {
        if (await cases.GetAsync(id, ct) is not { } detail)
        {
            return null;
        }

        var view = await ViewOfAsync(detail, ct);
        var (known, fields) = await KnownValuesAsync(id, ct);
        var log = Chronological(detail).Select(e => new LlmLogEntry(e.OccurredAt, e.MethodName, e.CounterpartName, e.Text)).ToList();
        var prompt = prompts.Build(detail.Summary, log, known);
        db.AuditRecords.Add(new AuditRecord
        {
            At = clock.GetUtcNow(),
            UserId = db.Scope.UserId,
            UserName = db.Scope.UserName,
            CenterId = db.Scope.CenterId,
            Action = LlmAuditAction,
            CaseId = id,
            Fields = string.Join(',', fields),
            Detail = $"model {model}; {prompt.MaskedCount} values masked",
        });
        await db.SaveChangesAsync(ct);
        return (view, prompt);
    }

    private async Task<HandoverView> ViewOfAsync(CaseDetail d, CancellationToken ct)
    {
        var log = Chronological(d);
        var summary = summarizer.Summarize(d.Summary, [.. log.Select(e => e.Text)], SummaryOptions.HandOver);
        var fields = FieldsOf(d);
        // The checklists stand in the first candidates for a product or sales form nobody chose yet, as on the form;
        // a classified case needs no classification run.
        var codes = string.IsNullOrWhiteSpace(d.ProductCode) || string.IsNullOrWhiteSpace(d.SalesFormCode)
            ? await assistant.ClassifyAsync(d.Summary, ct)
            : CodeSuggestions.None;
        var open = CaseAssistant.ChecklistsFor(await checklists.CurrentAsync(ct), fields, codes)
            .Select(c => new HandoverChecklist(c.Id, c.Title, c.Reason, [.. c.Items.Where(i => !i.Done).Select(i => new HandoverChecklistItem(i.Id, i.Text, i.Field))]))
            .Where(c => c.OpenItems.Count > 0)
            .ToList();
        var today = DateOnly.FromDateTime(FiscalYear.ToJapanTime(clock.GetUtcNow()).DateTime);
        var rules = ApplicableRules.Evaluate(CaseAssistant.FactsOf(fields, d.Summary, today));
        var latest = log.AsEnumerable().Reverse().Take(LatestEntries)
            .Select(e => new HandoverLogEntry(e.Id, e.Kind, e.OccurredAt, e.MethodName, e.CounterpartName, e.Text, e.CreatedByName))
            .ToList();
        return new HandoverView(
            d.Id, d.ReceiptNumber, d.Status, d.CenterName, d.IsOwnCenter, d.AssigneeName, d.ReceivedAt, d.UpdatedAt,
            new HandoverClassification(d.ProductCode, d.ProductPath, d.SalesFormCode, d.SalesFormName, [.. d.Keywords.Select(k => k.Name)],
                d.ResultCode, d.ResultName, d.IsMediation && d.MediationEndedAt is null),
            new HandoverSummary(summary.Text, [.. summary.Sentences.Select(s => Sentence(s, log))], summary.KeyTerms, SummaryOptions.HandOver.MaxCharacters),
            latest,
            log.Count,
            open,
            rules,
            inputChecks.Check(d),
            LlmSummaryBlock.NotConfigured);
    }

    private static HandoverSummarySentence Sentence(SummarySentence s, List<HandlingLogView> log) =>
        s is { Source: SummarySource.HandlingLog, LogEntry: { } index } && index < log.Count
            ? new HandoverSummarySentence(s.Text, s.Source, log[index].Id, log[index].OccurredAt, s.IsCut)
            : new HandoverSummarySentence(s.Text, s.Source, null, null, s.IsCut);

    /// <summary>Handling and mediation entries in the order they happened (the summary reads them in that order).</summary>
    private static List<HandlingLogView> Chronological(CaseDetail d) =>
        [.. d.HandlingLog.OrderBy(e => e.OccurredAt).ThenBy(e => e.CreatedAt)];

    /// <summary>The case's fields as the checklists and the rules read them: only what the counselor chose.</summary>
    private static AssistCaseFields FieldsOf(CaseDetail d) => new()
    {
        Product = d.ProductCode,
        SalesForm = d.SalesFormCode,
        Keywords = [.. d.Keywords.Select(k => k.Code)],
        Result = d.ResultCode,
        AgeBand = (d.ContractPartyIsConsultant ? d.Consultant : d.ContractParty).AgeBandCode,
        Harm = d.HarmCode,
        PaymentMethod = d.PaymentMethodCode,
        ContractDate = d.ContractDate,
        DocumentReceivedDate = d.DocumentReceivedDate,
        AmountBilled = d.AmountBilled,
        ContractAmount = d.ContractAmount,
        AmountPaid = d.AmountPaid,
        BusinessName = d.Business.Name,
        BusinessPhone = d.Business.Phone,
        BusinessAddress = d.Business.Address,
        BusinessUrl = d.Business.Url,
    };

    /// <summary>The consumer's stored contact values, for masking only; the center filter applies as to every case read.</summary>
    private async Task<(List<KnownPersonalValue> Values, List<string> Fields)> KnownValuesAsync(Guid id, CancellationToken ct)
    {
        var row = await db.Cases.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.Consultant, x.ContractParty }).FirstOrDefaultAsync(ct);
        var values = new List<KnownPersonalValue>();
        var fields = new List<string>();
        if (row is null)
        {
            return (values, fields);
        }

        void Add(string prefix, Party party)
        {
            (string Field, PersonalDataKind Kind, string? Value)[] stored =
            [
                ("Name", PersonalDataKind.PersonName, party.Name),
                ("NameKana", PersonalDataKind.PersonName, party.NameKana),
                ("Phone", PersonalDataKind.PhoneNumber, party.Phone),
                ("Email", PersonalDataKind.EmailAddress, party.Email),
                ("PostalCode", PersonalDataKind.PostalCode, party.PostalCode),
                ("Address", PersonalDataKind.Address, party.Address),
            ];
            foreach (var (field, kind, value) in stored.Where(s => !string.IsNullOrWhiteSpace(s.Value)))
            {
                values.Add(new KnownPersonalValue(kind, value!));
                fields.Add($"{prefix}.{field}");
            }
        }

        Add("Consultant", row.Consultant);
        Add("ContractParty", row.ContractParty);
        return (values, fields);
    }
}
