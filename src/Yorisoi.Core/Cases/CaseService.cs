using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Yorisoi.Core.Assistance.Rules;
using Yorisoi.Core.Centers;
using Yorisoi.Core.CodeLists;
using Yorisoi.Core.Data;
using Yorisoi.Core.Resources;
using Yorisoi.Core.Security;
using Yorisoi.Text;

namespace Yorisoi.Core.Cases;

public enum OutcomeKind
{
    Ok,
    Created,
    NotFound,
    Invalid,
    Conflict,
    Forbidden,

    /// <summary>The request is understood and allowed, but the case lacks what the action needs (422).</summary>
    Incomplete,
}

public sealed record Outcome<T>(OutcomeKind Kind, T? Value = default, ValidationErrors? Errors = null, string? Message = null)
{
    public static Outcome<T> NotFound() => new(OutcomeKind.NotFound);

    public static Outcome<T> Invalid(ValidationErrors errors) => new(OutcomeKind.Invalid, Errors: errors);

    public static Outcome<T> Invalid(string field, string message) => new(OutcomeKind.Invalid, Errors: ValidationErrors.For(field, message));

    public static Outcome<T> Forbidden(string message) => new(OutcomeKind.Forbidden, Message: message);

    public static Outcome<T> Incomplete(string message, ValidationErrors missing) => new(OutcomeKind.Incomplete, Errors: missing, Message: message);
}

/// <summary>
/// Everything a counselor does with a case. Both the REST API and the staff screens call this, so
/// rules, history and audit are the same whichever way a case is touched. Visibility comes from the
/// DbContext's center filter; this class never widens it.
/// </summary>
public sealed partial class CaseService(
    YorisoiDbContext db,
    CodeListCatalog catalog,
    LookupHasher hasher,
    TimeProvider clock,
    ILogger<CaseService> logger)
{
    private AccessScope Scope => db.Scope;

    public async Task<CaseDetail?> GetAsync(Guid id, CancellationToken ct = default)
    {
        // Keywords and shares are few, so they come with the case in one query; the handling log can grow long
        // and comes in a second one rather than multiplying the case row.
        var c = await db.Cases.AsNoTracking().AsSingleQuery()
            .Include(x => x.Keywords)
            .Include(x => x.Shares)
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            await RecordDeniedIfExistsAsync(id, ct);
            return null;
        }

        c.HandlingLog = await db.HandlingLogEntries.AsNoTracking().Where(e => e.CaseId == id).ToListAsync(ct);
        return await ToDetailAsync(c, ct);
    }

    /// <summary>The personal contact details of a case; every call is audited with the fields shown.</summary>
    public async Task<CasePersonalData?> GetPersonalDataAsync(Guid id, CancellationToken ct = default)
    {
        var row = await db.Cases.AsNoTracking()
            .Where(x => x.Id == id)
            .Select(x => new { x.Consultant, x.ContractParty })
            .FirstOrDefaultAsync(ct);
        if (row is null)
        {
            await RecordDeniedIfExistsAsync(id, ct);
            return null;
        }

        var consultant = ToContact(row.Consultant);
        var contract = ToContact(row.ContractParty);
        db.AuditRecords.Add(NewAudit(AuditActions.ViewPersonalData, id, ShownFields("Consultant", consultant).Concat(ShownFields("ContractParty", contract))));
        await db.SaveChangesAsync(ct);
        return new CasePersonalData(id, consultant, contract);
    }

    /// <summary>The case as the edit form needs it: the input shape, including personal fields (audited).</summary>
    public async Task<(CaseInput Input, int Version, CaseStatus Status)?> GetForEditAsync(Guid id, CancellationToken ct = default)
    {
        var c = await db.Cases.AsNoTracking().Include(x => x.Keywords).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            await RecordDeniedIfExistsAsync(id, ct);
            return null;
        }

        var input = ToInput(c);
        db.AuditRecords.Add(NewAudit(AuditActions.ViewPersonalData, id,
            ShownFields("Consultant", ToContact(c.Consultant)).Concat(ShownFields("ContractParty", ToContact(c.ContractParty)))));
        await db.SaveChangesAsync(ct);
        return (input, c.Version, c.Status);
    }

    public async Task<Outcome<CaseDetail>> RegisterAsync(CaseInput input, Guid? clientRequestId, CancellationToken ct = default)
    {
        var centerId = Scope.CenterId ?? throw new InvalidOperationException("Registering a case needs a signed-in user's center.");
        if (clientRequestId is { } requestId)
        {
            var existing = await db.Cases.AsNoTracking().Where(c => c.CenterId == centerId && c.ClientRequestId == requestId).Select(c => c.Id).FirstOrDefaultAsync(ct);
            if (existing != Guid.Empty)
            {
                return new Outcome<CaseDetail>(OutcomeKind.Ok, await GetAsync(existing, ct));
            }
        }

        var now = clock.GetUtcNow();
        var codes = catalog.Current;
        var known = await KnownMunicipalitiesAsync(input, ct);
        var errors = CaseValidator.Validate(input, codes, known.Contains, now);
        await ValidateAssigneeAsync(errors, input.AssigneeId, centerId, null, ct);
        if (!errors.IsValid)
        {
            return Outcome<CaseDetail>.Invalid(errors);
        }

        var center = await db.Centers.AsNoTracking().FirstAsync(c => c.Id == centerId, ct);
        var entity = new Case
        {
            CenterId = centerId,
            ClientRequestId = clientRequestId,
            CodeListVersion = codes.Version,
            Status = CaseStatus.Received,
            ReceivedAt = input.ReceivedAt!.Value.ToUniversalTime(),
            AssigneeId = input.AssigneeId ?? Scope.UserId,
        };
        Apply(entity, input);

        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            await strategy.ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                entity.FiscalYear = FiscalYear.Of(entity.ReceivedAt);
                entity.ReceiptSequence = await ReceiptNumberAllocator.NextAsync(db, centerId, entity.FiscalYear, ct);
                entity.ReceiptNumber = ReceiptNumberAllocator.Format(entity.FiscalYear, center.Code, entity.ReceiptSequence);
                db.Cases.Add(entity);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            });
        }
        catch (DbUpdateException) when (clientRequestId is not null)
        {
            // The same form was submitted twice at the same moment; the other request created the case.
            db.ChangeTracker.Clear();
            var winner = await db.Cases.AsNoTracking().Where(c => c.CenterId == centerId && c.ClientRequestId == clientRequestId).Select(c => c.Id).FirstOrDefaultAsync(ct);
            if (winner == Guid.Empty)
            {
                throw;
            }

            return new Outcome<CaseDetail>(OutcomeKind.Ok, await GetAsync(winner, ct));
        }

        logger.LogInformation("Case {CaseId} registered as {ReceiptNumber} at center {CenterId}", entity.Id, entity.ReceiptNumber, centerId);
        return new Outcome<CaseDetail>(OutcomeKind.Created, await ToDetailAsync(entity, ct));
    }

    public async Task<Outcome<CaseDetail>> UpdateAsync(Guid id, int expectedVersion, CaseInput input, CancellationToken ct = default)
    {
        var (entity, refused) = await LoadForChangeAsync(id, AccessNeed.OwnCenterEdit, includeKeywords: true, ct);
        if (entity is null)
        {
            return refused!;
        }

        if (entity.Version != expectedVersion)
        {
            return new Outcome<CaseDetail>(OutcomeKind.Conflict, await ToDetailAsync(entity, ct), Message: Messages.Get("Error.Conflict"));
        }

        var known = await KnownMunicipalitiesAsync(input, ct);
        var errors = CaseValidator.Validate(input, catalog.Get(entity.CodeListVersion), known.Contains, clock.GetUtcNow());
        await ValidateAssigneeAsync(errors, input.AssigneeId, entity.CenterId, entity.AssigneeId, ct);
        if (!errors.IsValid)
        {
            return Outcome<CaseDetail>.Invalid(errors);
        }

        entity.ReceivedAt = input.ReceivedAt!.Value.ToUniversalTime();
        entity.AssigneeId = input.AssigneeId ?? entity.AssigneeId;
        Apply(entity, input);
        db.Entry(entity).Property(c => c.Version).OriginalValue = expectedVersion;
        return await SaveGuardedAsync(entity, ct);
    }

    public async Task<Outcome<CaseDetail>> AddHandlingLogAsync(Guid id, HandlingLogInput input, HandlingLogKind kind, CancellationToken ct = default)
    {
        // A center the case is shared with works on it too, so it may add handling log entries; mediation stays with the owner.
        var (entity, refused) = await LoadForChangeAsync(id, kind == HandlingLogKind.Handling ? AccessNeed.SharedAppend : AccessNeed.OwnCenterEdit, includeKeywords: false, ct);
        if (entity is null)
        {
            return refused!;
        }

        if (kind == HandlingLogKind.Mediation && !entity.IsMediation)
        {
            return Outcome<CaseDetail>.Invalid("Kind", Messages.Get("Error.MediationNotActive"));
        }

        var now = clock.GetUtcNow();
        var errors = CaseValidator.ValidateLog(input, catalog.Get(entity.CodeListVersion), now);
        if (!errors.IsValid)
        {
            return Outcome<CaseDetail>.Invalid(errors);
        }

        db.HandlingLogEntries.Add(new HandlingLogEntry
        {
            CaseId = id,
            Kind = kind,
            OccurredAt = input.OccurredAt!.Value.ToUniversalTime(),
            MethodCode = input.MethodCode!,
            CounterpartCode = input.CounterpartCode!,
            CounterpartName = input.CounterpartName,
            Text = input.Text!,
            CreatedAt = now,
            CreatedById = Scope.UserId,
            CreatedByName = Scope.UserName,
        });
        db.CaseChanges.Add(Change(id, CaseChangeKind.HandlingLogAdded, comment: kind == HandlingLogKind.Mediation ? "あっせん" : null));
        if (entity.Status == CaseStatus.Received)
        {
            db.CaseChanges.Add(Change(id, CaseChangeKind.StatusChanged, "Status", Messages.Status(entity.Status), Messages.Status(CaseStatus.InProgress)));
            entity.Status = CaseStatus.InProgress;
        }

        Touch(entity);
        return await SaveGuardedAsync(entity, ct);
    }

    public async Task<IReadOnlyList<TimelineEntry>?> TimelineAsync(Guid id, bool includePersonalValues, CancellationToken ct = default)
    {
        var changes = await db.CaseChanges.AsNoTracking().Where(c => c.CaseId == id).OrderBy(c => c.At).ThenBy(c => c.Id).ToListAsync(ct);
        // History is filtered like its case and every case has its Created entry, so only an empty history can
        // mean "no such case here"; the second query is needed only then.
        if (changes.Count == 0 && !await db.Cases.AnyAsync(c => c.Id == id, ct))
        {
            await RecordDeniedIfExistsAsync(id, ct);
            return null;
        }

        if (includePersonalValues && changes.Any(c => c.IsPersonal))
        {
            db.AuditRecords.Add(NewAudit(AuditActions.ViewPersonalData, id, changes.Where(c => c.IsPersonal).Select(c => "History." + c.Field).Distinct()));
            await db.SaveChangesAsync(ct);
        }

        return changes.Select(c => new TimelineEntry(
            c.At,
            c.Kind.ToString(),
            c.UserName,
            c.Field,
            c.IsPersonal && !includePersonalValues ? Masked(c.OldValue) : c.OldValue,
            c.IsPersonal && !includePersonalValues ? Masked(c.NewValue) : c.NewValue,
            c.Comment,
            c.IsPersonal)).ToList();
    }

    private enum AccessNeed
    {
        /// <summary>Fields, mediation: the owning center only, and only while the case is not approved.</summary>
        OwnCenterEdit,

        /// <summary>Status transitions: the owning center only.</summary>
        OwnCenterStatus,

        /// <summary>Handling log entries: the owning center or a center the case is shared with, while not approved.</summary>
        SharedAppend,
    }

    /// <summary>
    /// Loads a case for a change. Another center's case is "not found" (and audited); a shared case is
    /// read-only for the center it was shared with apart from handling log entries; an approved case is
    /// read-only until reopened.
    /// </summary>
    private async Task<(Case? Entity, Outcome<CaseDetail>? Refused)> LoadForChangeAsync(Guid id, AccessNeed change, bool includeKeywords, CancellationToken ct)
    {
        IQueryable<Case> cases = includeKeywords ? db.Cases.Include(c => c.Keywords) : db.Cases;
        var entity = await cases.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (entity is null)
        {
            await RecordDeniedIfExistsAsync(id, ct);
            return (null, Outcome<CaseDetail>.NotFound());
        }

        if (change != AccessNeed.SharedAppend && entity.CenterId != Scope.CenterId)
        {
            return (null, Outcome<CaseDetail>.Forbidden(Messages.Get("Error.SharedReadOnly")));
        }

        if (change != AccessNeed.OwnCenterStatus && !CaseWorkflow.IsEditable(entity.Status))
        {
            return (null, Outcome<CaseDetail>.Forbidden(Messages.Get("Error.NotEditable")));
        }

        return (entity, null);
    }

    private async Task<Outcome<CaseDetail>> SaveGuardedAsync(Case entity, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await GetAsync(entity.Id, ct);
            return current is null
                ? Outcome<CaseDetail>.NotFound()
                : new Outcome<CaseDetail>(OutcomeKind.Conflict, current, Message: Messages.Get("Error.Conflict"));
        }

        db.ChangeTracker.Clear();
        return new Outcome<CaseDetail>(OutcomeKind.Ok, await GetAsync(entity.Id, ct));
    }

    /// <summary>Marks the case changed so the history interceptor stamps it and bumps its version.</summary>
    private void Touch(Case entity) => db.Entry(entity).State = db.Entry(entity).State == EntityState.Unchanged ? EntityState.Modified : db.Entry(entity).State;

    private CaseChange Change(Guid caseId, CaseChangeKind kind, string? field = null, string? oldValue = null, string? newValue = null, string? comment = null) =>
        new() { CaseId = caseId, At = clock.GetUtcNow(), UserId = Scope.UserId, UserName = Scope.UserName, Kind = kind, Field = field, OldValue = oldValue, NewValue = newValue, Comment = comment };

    private AuditRecord NewAudit(string action, Guid? caseId, IEnumerable<string> fields, string? detail = null) => new()
    {
        At = clock.GetUtcNow(),
        UserId = Scope.UserId,
        UserName = Scope.UserName,
        CenterId = Scope.CenterId,
        Action = action,
        CaseId = caseId,
        Fields = string.Join(',', fields),
        Detail = detail,
    };

    /// <summary>Another center's case answers "not found", but the attempt is logged and audited.</summary>
    internal async Task RecordDeniedIfExistsAsync(Guid id, CancellationToken ct)
    {
        var owner = await db.Cases.IgnoreQueryFilters().AsNoTracking().Where(c => c.Id == id).Select(c => (Guid?)c.CenterId).FirstOrDefaultAsync(ct);
        if (owner is null)
        {
            return;
        }

        logger.LogWarning("User {UserId} of center {CenterId} tried to open case {CaseId} of center {OwnerCenterId}", Scope.UserId, Scope.CenterId, id, owner);
        db.ChangeTracker.Clear();
        db.AuditRecords.Add(NewAudit(AuditActions.DeniedCaseAccess, id, [], $"owner center {owner}"));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Which of the municipality codes on the input exist, in one query before validation.</summary>
    private async Task<HashSet<string>> KnownMunicipalitiesAsync(CaseInput input, CancellationToken ct)
    {
        var wanted = new[] { input.Consultant?.MunicipalityCode, input.ContractParty?.MunicipalityCode }
            .Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        var found = await db.LocalGovernments.AsNoTracking().Where(g => wanted.Contains(g.Code)).Select(g => g.Code).ToListAsync(ct);
        return found.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The assignee must be of the case's center and, when the assignment changes, someone who works on cases; a case kept
    /// with its current assignee stays saveable even if that person's role has changed since.
    /// </summary>
    private async Task ValidateAssigneeAsync(ValidationErrors errors, Guid? assigneeId, Guid centerId, Guid? currentAssigneeId, CancellationToken ct)
    {
        if (assigneeId is not { } a)
        {
            return;
        }

        if (!await db.Users.AsNoTracking().AnyAsync(u => u.Id == a && u.CenterId == centerId, ct))
        {
            errors.Add(nameof(CaseInput.AssigneeId), Messages.Error("UnknownAssignee", nameof(CaseInput.AssigneeId)));
        }
        else if (a != currentAssigneeId && !await CaseWorkersOf(centerId).AnyAsync(u => u.Id == a, ct))
        {
            errors.Add(nameof(CaseInput.AssigneeId), Messages.Error("AssigneeNotCaseWorker", nameof(CaseInput.AssigneeId)));
        }
    }

    private void Apply(Case entity, CaseInput input)
    {
        entity.ChannelCode = input.ChannelCode!;
        ApplyParty(entity.Consultant, input.Consultant);
        if (input.ContractPartyIsConsultant)
        {
            ApplyParty(entity.ContractParty, input.Consultant);
            entity.RelationshipCode = RelationshipCodes.Self;
        }
        else
        {
            ApplyParty(entity.ContractParty, input.ContractParty);
            entity.RelationshipCode = input.RelationshipCode;
        }

        entity.Summary = input.Summary!;
        var b = input.Business;
        entity.Business.Name = b.Name;
        entity.Business.NameKana = b.NameKana;
        entity.Business.NameFolded = b.Name is null ? null : JapaneseNormalizer.Fold(b.Name);
        entity.Business.Address = b.Address;
        entity.Business.Phone = b.Phone;
        entity.Business.Url = b.Url;
        entity.Business.CorporateNumber = b.CorporateNumber is null ? null : JapaneseNormalizer.DigitsOnly(b.CorporateNumber);
        entity.ProductCode = input.ProductCode;
        entity.SalesFormCode = input.SalesFormCode;
        entity.PaymentMethodCode = input.PaymentMethodCode;
        entity.AmountBilled = input.AmountBilled;
        entity.ContractAmount = input.ContractAmount;
        entity.AmountPaid = input.AmountPaid;
        entity.AmountRelieved = input.AmountRelieved;
        entity.ContractDate = input.ContractDate;
        entity.DocumentReceivedDate = input.DocumentReceivedDate;
        entity.ConsumerRequestCode = input.ConsumerRequestCode;
        entity.ConsumerRequestNote = input.ConsumerRequestNote;
        entity.HarmCode = input.HarmCode;
        entity.ResultCode = input.ResultCode;
        entity.ConsentToDiscloseToBusiness = input.ConsentToDiscloseToBusiness;
        entity.ConsentToShareWithCenters = input.ConsentToShareWithCenters;

        var wanted = input.KeywordCodes.ToHashSet(StringComparer.Ordinal);
        entity.Keywords.RemoveAll(k => !wanted.Contains(k.Code));
        foreach (var code in wanted.Where(code => entity.Keywords.All(k => k.Code != code)))
        {
            entity.Keywords.Add(new CaseKeyword { CaseId = entity.Id, Code = code });
        }
    }

    private void ApplyParty(Party party, PartyInput input)
    {
        party.Name = input.Name;
        party.NameKana = input.NameKana;
        party.Phone = input.Phone;
        party.PhoneHash = hasher.Hash(CaseValidator.NormalizePhone(input.Phone));
        party.Email = input.Email;
        party.PostalCode = CaseValidator.NormalizePostalCode(input.PostalCode);
        party.Address = input.Address;
        party.ContactNote = input.ContactNote;
        party.AgeBandCode = input.AgeBandCode;
        party.GenderCode = input.GenderCode;
        party.OccupationCode = input.OccupationCode;
        party.MunicipalityCode = input.MunicipalityCode;
    }

    private static CaseInput ToInput(Case c) => new()
    {
        ReceivedAt = c.ReceivedAt,
        ChannelCode = c.ChannelCode,
        Consultant = ToPartyInput(c.Consultant),
        ContractPartyIsConsultant = c.RelationshipCode == RelationshipCodes.Self,
        RelationshipCode = c.RelationshipCode,
        ContractParty = ToPartyInput(c.ContractParty),
        Summary = c.Summary,
        Business = new BusinessInput { Name = c.Business.Name, NameKana = c.Business.NameKana, Address = c.Business.Address, Phone = c.Business.Phone, Url = c.Business.Url, CorporateNumber = c.Business.CorporateNumber },
        ProductCode = c.ProductCode,
        SalesFormCode = c.SalesFormCode,
        KeywordCodes = c.Keywords.Select(k => k.Code).Order(StringComparer.Ordinal).ToList(),
        AmountBilled = c.AmountBilled,
        ContractAmount = c.ContractAmount,
        AmountPaid = c.AmountPaid,
        AmountRelieved = c.AmountRelieved,
        PaymentMethodCode = c.PaymentMethodCode,
        ContractDate = c.ContractDate,
        DocumentReceivedDate = c.DocumentReceivedDate,
        ConsumerRequestCode = c.ConsumerRequestCode,
        ConsumerRequestNote = c.ConsumerRequestNote,
        HarmCode = c.HarmCode,
        ResultCode = c.ResultCode,
        ConsentToDiscloseToBusiness = c.ConsentToDiscloseToBusiness,
        ConsentToShareWithCenters = c.ConsentToShareWithCenters,
        AssigneeId = c.AssigneeId,
    };

    private static PartyInput ToPartyInput(Party p) => new()
    {
        Name = p.Name, NameKana = p.NameKana, Phone = p.Phone, Email = p.Email, PostalCode = p.PostalCode, Address = p.Address,
        ContactNote = p.ContactNote, AgeBandCode = p.AgeBandCode, GenderCode = p.GenderCode, OccupationCode = p.OccupationCode, MunicipalityCode = p.MunicipalityCode,
    };

    private static PartyContact ToContact(Party p) => new(p.Name, p.NameKana, p.Phone, p.Email, p.PostalCode, p.Address, p.ContactNote);

    private static IEnumerable<string> ShownFields(string prefix, PartyContact p)
    {
        if (p.Name is not null) yield return prefix + ".Name";
        if (p.NameKana is not null) yield return prefix + ".NameKana";
        if (p.Phone is not null) yield return prefix + ".Phone";
        if (p.Email is not null) yield return prefix + ".Email";
        if (p.PostalCode is not null) yield return prefix + ".PostalCode";
        if (p.Address is not null) yield return prefix + ".Address";
        if (p.ContactNote is not null) yield return prefix + ".ContactNote";
    }

    private static string? Masked(string? value) => value is null ? null : "＊＊＊";

    private async Task<CaseDetail> ToDetailAsync(Case c, CancellationToken ct)
    {
        var codes = catalog.Get(c.CodeListVersion);
        // The names shown beside the case, fetched in one round trip: opening a case is the most frequent read.
        var (assigneeId, approverId) = (c.AssigneeId, c.ApprovedById);
        var (consultantCode, contractCode) = (c.Consultant.MunicipalityCode, c.ContractParty.MunicipalityCode);
        // Rooted at the case (just read, so visible) rather than at its center, so every name is found even
        // where the center row is missing.
        var caseId = c.Id;
        var lookup = await db.Cases.AsNoTracking().Where(x => x.Id == caseId).Select(x => new
        {
            Name = db.Centers.Where(ce => ce.Id == x.CenterId).Select(ce => ce.Name).FirstOrDefault(),
            Assignee = db.Users.Where(u => u.Id == assigneeId).Select(u => u.DisplayName).FirstOrDefault(),
            Approver = db.Users.Where(u => u.Id == approverId).Select(u => u.DisplayName).FirstOrDefault(),
            ConsultantMunicipality = db.LocalGovernments.Where(g => g.Code == consultantCode).Select(g => g.Name).FirstOrDefault(),
            ContractMunicipality = db.LocalGovernments.Where(g => g.Code == contractCode).Select(g => g.Name).FirstOrDefault(),
        }).FirstOrDefaultAsync(ct);
        var centerName = lookup?.Name ?? "";
        var users = new Dictionary<Guid, string>();
        if (assigneeId is { } aid && lookup?.Assignee is { } assigneeName)
        {
            users[aid] = assigneeName;
        }

        if (approverId is { } pid && lookup?.Approver is { } approverName)
        {
            users[pid] = approverName;
        }

        var municipalities = new Dictionary<string, string>(StringComparer.Ordinal);
        if (consultantCode is not null && lookup?.ConsultantMunicipality is { } consultantName)
        {
            municipalities[consultantCode] = consultantName;
        }

        if (contractCode is not null && lookup?.ContractMunicipality is { } contractName)
        {
            municipalities[contractCode] = contractName;
        }

        PartyView View(Party p) => new(
            p.AgeBandCode, codes.NameOf(CodeListNames.AgeBand, p.AgeBandCode),
            p.GenderCode, codes.NameOf(CodeListNames.Gender, p.GenderCode),
            p.OccupationCode, codes.NameOf(CodeListNames.Occupation, p.OccupationCode),
            p.MunicipalityCode, p.MunicipalityCode is { } m && municipalities.TryGetValue(m, out var name) ? name : null,
            p.Phone is not null || p.Name is not null || p.Email is not null || p.Address is not null);

        return new CaseDetail(
            c.Id, c.CenterId, centerName, c.CenterId == Scope.CenterId, c.ReceiptNumber, c.FiscalYear, c.ReceivedAt,
            c.ChannelCode, codes.NameOf(CodeListNames.Channel, c.ChannelCode), c.CodeListVersion, c.Status,
            c.AssigneeId, c.AssigneeId is { } a && users.TryGetValue(a, out var an) ? an : null,
            View(c.Consultant), c.RelationshipCode == RelationshipCodes.Self, c.RelationshipCode, codes.NameOf(CodeListNames.Relationship, c.RelationshipCode),
            View(c.ContractParty), c.Summary,
            new BusinessView(c.Business.Name, c.Business.NameKana, c.Business.Address, c.Business.Phone, c.Business.Url, c.Business.CorporateNumber),
            c.ProductCode, codes.Find(CodeListNames.Product, c.ProductCode)?.Path,
            c.SalesFormCode, codes.NameOf(CodeListNames.SalesForm, c.SalesFormCode),
            c.Keywords.OrderBy(k => k.Code, StringComparer.Ordinal).Select(k => new CodeRef(k.Code, codes.NameOf(CodeListNames.Keyword, k.Code) ?? k.Code)).ToList(),
            c.AmountBilled, c.ContractAmount, c.AmountPaid, c.AmountRelieved,
            c.PaymentMethodCode, codes.NameOf(CodeListNames.PaymentMethod, c.PaymentMethodCode),
            c.ContractDate, c.DocumentReceivedDate, CoolingOff.Deadline(c.SalesFormCode, c.DocumentReceivedDate),
            c.ConsumerRequestCode, codes.NameOf(CodeListNames.ConsumerRequest, c.ConsumerRequestCode), c.ConsumerRequestNote,
            c.HarmCode, codes.NameOf(CodeListNames.Harm, c.HarmCode),
            c.ResultCode, codes.NameOf(CodeListNames.Result, c.ResultCode),
            c.ConsentToDiscloseToBusiness, c.ConsentToShareWithCenters,
            c.IsMediation, c.MediationStartedAt, c.MediationEndedAt, c.MediationOutcome,
            c.ApprovedAt, c.ApprovedById is { } ap && users.TryGetValue(ap, out var apn) ? apn : null, c.ReturnComment,
            c.CreatedAt, c.UpdatedAt, c.Version,
            c.HandlingLog.OrderBy(e => e.OccurredAt).ThenBy(e => e.CreatedAt).Select(e => new HandlingLogView(
                e.Id, e.Kind, e.OccurredAt, e.MethodCode, codes.NameOf(CodeListNames.HandlingMethod, e.MethodCode),
                e.CounterpartCode, codes.NameOf(CodeListNames.Counterpart, e.CounterpartCode), e.CounterpartName, e.Text, e.CreatedByName, e.CreatedAt)).ToList(),
            c.Shares.Select(s => s.CenterId).ToList());
    }
}

public static class RelationshipCodes
{
    /// <summary>本人: the person consulting is the contract party.</summary>
    public const string Self = "L1";
}

public static class ResultCodes
{
    public const string MediationResolved = "R3";
    public const string MediationFailed = "R4";
}

/// <summary>
/// Cooling-off periods under the 特定商取引法, counted from the day the legal document was received: the case page's
/// one-line deadline. The full reading of a case (exclusions, documents, goods) is <see cref="ApplicableRules"/>.
/// </summary>
public static class CoolingOff
{
    public static DateOnly? Deadline(string? salesFormCode, DateOnly? documentReceived)
    {
        if (documentReceived is not { } received)
        {
            return null;
        }

        int? days = salesFormCode switch
        {
            "S2" or "S5" or "S7" => ApplicableRules.ShortCoolingOffDays, // 訪問販売, 電話勧誘販売, 訪問購入
            "S4" => ApplicableRules.LongCoolingOffDays, // 連鎖販売取引 (マルチ)
            _ => null,
        };
        return days is { } d ? LegalPeriods.LastDayCountingFrom(received, d) : null;
    }
}
