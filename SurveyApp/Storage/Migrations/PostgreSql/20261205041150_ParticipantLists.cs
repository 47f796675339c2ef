using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SurveyApp.Storage.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ParticipantLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Code",
                table: "Participants",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ListId",
                table: "Participants",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ParticipantLists",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SurveyId = table.Column<int>(type: "integer", nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParticipantLists", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ParticipantLists_Surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "Surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            ParticipantListsData.Move(migrationBuilder, "now()");

            migrationBuilder.CreateIndex(
                name: "IX_Participants_ListId_Code",
                table: "Participants",
                columns: new[] { "ListId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ParticipantLists_SurveyId",
                table: "ParticipantLists",
                column: "SurveyId");

            migrationBuilder.AddForeignKey(
                name: "FK_Participants_ParticipantLists_ListId",
                table: "Participants",
                column: "ListId",
                principalTable: "ParticipantLists",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Participants_ParticipantLists_ListId",
                table: "Participants");

            migrationBuilder.DropTable(
                name: "ParticipantLists");

            migrationBuilder.DropIndex(
                name: "IX_Participants_ListId_Code",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "Code",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "ListId",
                table: "Participants");
        }
    }
}
