using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yorisoi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    center_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    display_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    password_hash = table.Column<string>(type: "TEXT", nullable: true),
                    security_stamp = table.Column<string>(type: "TEXT", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "TEXT", nullable: true),
                    phone_number = table.Column<string>(type: "TEXT", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    lockout_end = table.Column<long>(type: "INTEGER", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    access_failed_count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_records",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    center_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    fields = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_records", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    center_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    fiscal_year = table.Column<int>(type: "INTEGER", nullable: false),
                    receipt_sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    receipt_number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    client_request_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false),
                    channel_code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    code_list_version = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    assignee_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    consultant_name = table.Column<string>(type: "TEXT", nullable: true),
                    consultant_name_kana = table.Column<string>(type: "TEXT", nullable: true),
                    consultant_phone = table.Column<string>(type: "TEXT", nullable: true),
                    consultant_email = table.Column<string>(type: "TEXT", nullable: true),
                    consultant_postal_code = table.Column<string>(type: "TEXT", nullable: true),
                    consultant_address = table.Column<string>(type: "TEXT", nullable: true),
                    consultant_contact_note = table.Column<string>(type: "TEXT", nullable: true),
                    consultant_phone_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    consultant_age_band_code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    consultant_gender_code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    consultant_occupation_code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    consultant_municipality_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    relationship_code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    contract_party_name = table.Column<string>(type: "TEXT", nullable: true),
                    contract_party_name_kana = table.Column<string>(type: "TEXT", nullable: true),
                    contract_party_phone = table.Column<string>(type: "TEXT", nullable: true),
                    contract_party_email = table.Column<string>(type: "TEXT", nullable: true),
                    contract_party_postal_code = table.Column<string>(type: "TEXT", nullable: true),
                    contract_party_address = table.Column<string>(type: "TEXT", nullable: true),
                    contract_party_contact_note = table.Column<string>(type: "TEXT", nullable: true),
                    contract_party_phone_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    contract_party_age_band_code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    contract_party_gender_code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    contract_party_occupation_code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    contract_party_municipality_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    business_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    business_name_kana = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    business_address = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    business_phone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    business_url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    business_corporate_number = table.Column<string>(type: "TEXT", maxLength: 13, nullable: true),
                    business_name_folded = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    summary = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    consumer_request_code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    consumer_request_note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    product_code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    sales_form_code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    payment_method_code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    amount_billed = table.Column<long>(type: "INTEGER", nullable: true),
                    contract_amount = table.Column<long>(type: "INTEGER", nullable: true),
                    amount_paid = table.Column<long>(type: "INTEGER", nullable: true),
                    amount_relieved = table.Column<long>(type: "INTEGER", nullable: true),
                    contract_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    document_received_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    harm_code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    result_code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    consent_to_disclose_to_business = table.Column<bool>(type: "INTEGER", nullable: false),
                    consent_to_share_with_centers = table.Column<bool>(type: "INTEGER", nullable: false),
                    is_mediation = table.Column<bool>(type: "INTEGER", nullable: false),
                    mediation_started_at = table.Column<long>(type: "INTEGER", nullable: true),
                    mediation_ended_at = table.Column<long>(type: "INTEGER", nullable: true),
                    mediation_outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    approved_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    approved_at = table.Column<long>(type: "INTEGER", nullable: true),
                    return_comment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "centers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    prefecture_code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    municipality_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    phone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    address = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    opening_hours = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    is_demo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_centers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "code_items",
                columns: table => new
                {
                    version = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    list = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    parent_code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    path = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    depth = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_code_items", x => new { x.version, x.list, x.code });
                });

            migrationBuilder.CreateTable(
                name: "local_governments",
                columns: table => new
                {
                    code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    code6 = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    reading = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    prefecture_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    parent_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_local_governments", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "receipt_counters",
                columns: table => new
                {
                    center_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    fiscal_year = table.Column<int>(type: "INTEGER", nullable: false),
                    last_sequence = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_receipt_counters", x => new { x.center_id, x.fiscal_year });
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    role_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    claim_type = table.Column<string>(type: "TEXT", nullable: true),
                    claim_value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_role_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_asp_net_role_claims_asp_net_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "AspNetRoles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    claim_type = table.Column<string>(type: "TEXT", nullable: true),
                    claim_value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_user_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_asp_net_user_claims_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "TEXT", nullable: false),
                    provider_key = table.Column<string>(type: "TEXT", nullable: false),
                    provider_display_name = table.Column<string>(type: "TEXT", nullable: true),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_user_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_asp_net_user_logins_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    role_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_user_roles", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_asp_net_user_roles_asp_net_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "AspNetRoles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_asp_net_user_roles_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    login_provider = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_asp_net_user_tokens_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    field = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    is_personal = table.Column<bool>(type: "INTEGER", nullable: false),
                    old_value = table.Column<string>(type: "TEXT", nullable: true),
                    new_value = table.Column<string>(type: "TEXT", nullable: true),
                    comment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_changes_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_keywords",
                columns: table => new
                {
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_keywords", x => new { x.case_id, x.code });
                    table.ForeignKey(
                        name: "fk_case_keywords_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_shares",
                columns: table => new
                {
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    center_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    shared_at = table.Column<long>(type: "INTEGER", nullable: false),
                    shared_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_shares", x => new { x.case_id, x.center_id });
                    table.ForeignKey(
                        name: "fk_case_shares_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "handling_log_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    occurred_at = table.Column<long>(type: "INTEGER", nullable: false),
                    method_code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    counterpart_code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    counterpart_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_by_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_handling_log_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_handling_log_entries_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_role_claims_role_id",
                table: "AspNetRoleClaims",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_user_claims_user_id",
                table: "AspNetUserClaims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_user_logins_user_id",
                table: "AspNetUserLogins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_user_roles_role_id",
                table: "AspNetUserRoles",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_users_center_id",
                table: "AspNetUsers",
                column: "center_id");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "normalized_user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_records_at",
                table: "audit_records",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_records_case_id_at",
                table: "audit_records",
                columns: new[] { "case_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_case_changes_case_id_at",
                table: "case_changes",
                columns: new[] { "case_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_case_shares_center_id",
                table: "case_shares",
                column: "center_id");

            migrationBuilder.CreateIndex(
                name: "ix_cases_business_corporate_number",
                table: "cases",
                column: "business_corporate_number");

            migrationBuilder.CreateIndex(
                name: "ix_cases_center_id_assignee_id_received_at",
                table: "cases",
                columns: new[] { "center_id", "assignee_id", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_center_id_client_request_id",
                table: "cases",
                columns: new[] { "center_id", "client_request_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cases_center_id_fiscal_year_receipt_sequence",
                table: "cases",
                columns: new[] { "center_id", "fiscal_year", "receipt_sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cases_center_id_product_code_received_at",
                table: "cases",
                columns: new[] { "center_id", "product_code", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_center_id_received_at_id",
                table: "cases",
                columns: new[] { "center_id", "received_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_center_id_sales_form_code_received_at",
                table: "cases",
                columns: new[] { "center_id", "sales_form_code", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_center_id_status_received_at_id",
                table: "cases",
                columns: new[] { "center_id", "status", "received_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_consultant_phone_hash",
                table: "cases",
                column: "consultant_phone_hash");

            migrationBuilder.CreateIndex(
                name: "ix_cases_contract_party_phone_hash",
                table: "cases",
                column: "contract_party_phone_hash");

            migrationBuilder.CreateIndex(
                name: "ix_centers_code",
                table: "centers",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_handling_log_entries_case_id_occurred_at",
                table: "handling_log_entries",
                columns: new[] { "case_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_local_governments_prefecture_code",
                table: "local_governments",
                column: "prefecture_code");

            // Audit records and case history are append-only in the database too.
            migrationBuilder.Sql("CREATE TRIGGER audit_records_no_update BEFORE UPDATE ON audit_records BEGIN SELECT RAISE(ABORT, 'audit_records is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER audit_records_no_delete BEFORE DELETE ON audit_records BEGIN SELECT RAISE(ABORT, 'audit_records is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER case_changes_no_update BEFORE UPDATE ON case_changes BEGIN SELECT RAISE(ABORT, 'case_changes is append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER case_changes_no_update;");
            migrationBuilder.Sql("DROP TRIGGER audit_records_no_delete;");
            migrationBuilder.Sql("DROP TRIGGER audit_records_no_update;");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "audit_records");

            migrationBuilder.DropTable(
                name: "case_changes");

            migrationBuilder.DropTable(
                name: "case_keywords");

            migrationBuilder.DropTable(
                name: "case_shares");

            migrationBuilder.DropTable(
                name: "centers");

            migrationBuilder.DropTable(
                name: "code_items");

            migrationBuilder.DropTable(
                name: "handling_log_entries");

            migrationBuilder.DropTable(
                name: "local_governments");

            migrationBuilder.DropTable(
                name: "receipt_counters");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "cases");
        }
    }
}
