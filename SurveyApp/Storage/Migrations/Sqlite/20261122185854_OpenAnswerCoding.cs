using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SurveyApp.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OpenAnswerCoding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Answers_QuestionId_ItemId_Code_ResponseId",
                table: "Answers");

            migrationBuilder.AddColumn<int>(
                name: "WaveId",
                table: "Answers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "Categories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    QuestionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Categories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Categories_Questions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "Questions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AnswerCategories",
                columns: table => new
                {
                    AnswerId = table.Column<long>(type: "INTEGER", nullable: false),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnswerCategories", x => new { x.AnswerId, x.CategoryId });
                    table.ForeignKey(
                        name: "FK_AnswerCategories_Answers_AnswerId",
                        column: x => x.AnswerId,
                        principalTable: "Answers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AnswerCategories_Categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "Categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Answers_QuestionId",
                table: "Answers",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_Answers_WaveId_QuestionId_ItemId_Code_ResponseId",
                table: "Answers",
                columns: new[] { "WaveId", "QuestionId", "ItemId", "Code", "ResponseId" });

            migrationBuilder.CreateIndex(
                name: "IX_AnswerCategories_CategoryId",
                table: "AnswerCategories",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_Categories_QuestionId_Name",
                table: "Categories",
                columns: new[] { "QuestionId", "Name" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Answers_Waves_WaveId",
                table: "Answers",
                column: "WaveId",
                principalTable: "Waves",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Answers_Waves_WaveId",
                table: "Answers");

            migrationBuilder.DropTable(
                name: "AnswerCategories");

            migrationBuilder.DropTable(
                name: "Categories");

            migrationBuilder.DropIndex(
                name: "IX_Answers_QuestionId",
                table: "Answers");

            migrationBuilder.DropIndex(
                name: "IX_Answers_WaveId_QuestionId_ItemId_Code_ResponseId",
                table: "Answers");

            migrationBuilder.DropColumn(
                name: "WaveId",
                table: "Answers");

            migrationBuilder.CreateIndex(
                name: "IX_Answers_QuestionId_ItemId_Code_ResponseId",
                table: "Answers",
                columns: new[] { "QuestionId", "ItemId", "Code", "ResponseId" });
        }
    }
}
