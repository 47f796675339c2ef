using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SurveyApp.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ParticipantOnResponsesAndAnswers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Responses_WaveId_SubmittedAt",
                table: "Responses");

            migrationBuilder.DropIndex(
                name: "IX_Invitations_WaveId_ParticipantId",
                table: "Invitations");

            migrationBuilder.DropIndex(
                name: "IX_Answers_WaveId_QuestionId_ItemId_Code_ResponseId",
                table: "Answers");

            migrationBuilder.AddColumn<int>(
                name: "ParticipantId",
                table: "Responses",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ParticipantId",
                table: "Answers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Existing rows take their participant from their invitation.
            migrationBuilder.Sql("UPDATE Responses SET ParticipantId = (SELECT i.ParticipantId FROM Invitations i WHERE i.Id = Responses.InvitationId);");
            migrationBuilder.Sql("UPDATE Answers SET ParticipantId = (SELECT r.ParticipantId FROM Responses r WHERE r.Id = Answers.ResponseId);");

            migrationBuilder.CreateIndex(
                name: "IX_Responses_ParticipantId",
                table: "Responses",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_Responses_WaveId_SubmittedAt_ParticipantId",
                table: "Responses",
                columns: new[] { "WaveId", "SubmittedAt", "ParticipantId" });

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_WaveId_RevokedAt_ParticipantId",
                table: "Invitations",
                columns: new[] { "WaveId", "RevokedAt", "ParticipantId" });

            migrationBuilder.CreateIndex(
                name: "IX_Answers_WaveId_QuestionId_ItemId_Code_ParticipantId_ResponseId",
                table: "Answers",
                columns: new[] { "WaveId", "QuestionId", "ItemId", "Code", "ParticipantId", "ResponseId" });

            migrationBuilder.AddForeignKey(
                name: "FK_Responses_Participants_ParticipantId",
                table: "Responses",
                column: "ParticipantId",
                principalTable: "Participants",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Responses_Participants_ParticipantId",
                table: "Responses");

            migrationBuilder.DropIndex(
                name: "IX_Responses_ParticipantId",
                table: "Responses");

            migrationBuilder.DropIndex(
                name: "IX_Responses_WaveId_SubmittedAt_ParticipantId",
                table: "Responses");

            migrationBuilder.DropIndex(
                name: "IX_Invitations_WaveId_RevokedAt_ParticipantId",
                table: "Invitations");

            migrationBuilder.DropIndex(
                name: "IX_Answers_WaveId_QuestionId_ItemId_Code_ParticipantId_ResponseId",
                table: "Answers");

            migrationBuilder.DropColumn(
                name: "ParticipantId",
                table: "Responses");

            migrationBuilder.DropColumn(
                name: "ParticipantId",
                table: "Answers");

            migrationBuilder.CreateIndex(
                name: "IX_Responses_WaveId_SubmittedAt",
                table: "Responses",
                columns: new[] { "WaveId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_WaveId_ParticipantId",
                table: "Invitations",
                columns: new[] { "WaveId", "ParticipantId" });

            migrationBuilder.CreateIndex(
                name: "IX_Answers_WaveId_QuestionId_ItemId_Code_ResponseId",
                table: "Answers",
                columns: new[] { "WaveId", "QuestionId", "ItemId", "Code", "ResponseId" });
        }
    }
}
