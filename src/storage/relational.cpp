// The relational codec: the schema of docs/storage.md as data, the SQL generated from it, and
// the mapping between records and rows.
#include "relational.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <charconv>
#include <utility>

#include "archive/date/calendar.hpp"
#include "archive/date/fuzzy_date.hpp"
#include "archive/names/transliterator.hpp"
#include "archive/text/script.hpp"

namespace archive::detail {

namespace {

// ---------------------------------------------------------------------------------------------
// The schema as data.

struct IndexDef {
  std::string_view name;
  std::string_view columns;  // "agent_kind, agent_id"
  bool unique = false;
  std::string_view where;  // partial index condition, or empty
};

struct TableDef {
  std::string_view name;
  std::vector<SqlColumn> columns;
  std::string primary_key;     // "id", "document_id, position", or empty
  bool without_rowid = false;  // SQLite: a clustered table (child tables of small rows)
  std::vector<IndexDef> indexes;
  std::vector<std::string_view> checks;  // CHECK constraints
};

constexpr SqlColumn text(std::string_view name) {
  return {name, SqlType::text, false};
}
constexpr SqlColumn nullable_text(std::string_view name) {
  return {name, SqlType::text, true};
}
constexpr SqlColumn integer(std::string_view name) {
  return {name, SqlType::integer, false};
}
constexpr SqlColumn nullable_integer(std::string_view name) {
  return {name, SqlType::integer, true};
}

// The four columns of a FuzzyDate: <prefix>_edtf, _original, _calendar, _note.
void add_date_columns(std::vector<SqlColumn>& columns, std::string_view edtf,
                      std::string_view original, std::string_view calendar, std::string_view note) {
  columns.push_back(nullable_text(edtf));
  columns.push_back(text(original));
  columns.push_back(text(calendar));
  columns.push_back(text(note));
}

// A child table: owner id, position, then `data` columns.
TableDef child_table(std::string_view name, std::string_view owner, std::vector<SqlColumn> data) {
  TableDef t{name, {text(owner), integer("position")}, std::string(owner) + ", position", true, {},
             {}};
  t.columns.insert(t.columns.end(), data.begin(), data.end());
  return t;
}

// Table names, also used as the parts' table names.
constexpr std::string_view kDocuments = "documents";
constexpr std::string_view kDocumentLanguages = "document_languages";
constexpr std::string_view kDocumentTranslations = "document_translations";
constexpr std::string_view kDocumentAgents = "document_agents";
constexpr std::string_view kDocumentPlaces = "document_places";
constexpr std::string_view kDocumentSubjects = "document_subjects";
constexpr std::string_view kDocumentRelated = "document_related";
constexpr std::string_view kMemberships = "memberships";
constexpr std::string_view kCollections = "collections";
constexpr std::string_view kCollectionRelated = "collection_related";
constexpr std::string_view kPeople = "people";
constexpr std::string_view kPersonPositions = "person_positions";
constexpr std::string_view kPersonAffiliations = "person_affiliations";
constexpr std::string_view kOrganizations = "organizations";
constexpr std::string_view kNames = "names";
constexpr std::string_view kMeta = "meta";

std::vector<TableDef> table_defs() {
  std::vector<TableDef> tables;

  // documents
  {
    TableDef t{kDocuments, {text("id"), text("title")}, "id", false, {}, {}};
    add_date_columns(t.columns, "date_edtf", "date_original", "date_calendar", "date_note");
    for (auto c : {nullable_text("date_earliest"), nullable_text("date_latest"), text("date_error"),
                   text("summary"), text("doc_type"), text("source_repository"),
                   text("source_reference"), text("classification"), text("rights"),
                   integer("views"), nullable_integer("created"), nullable_integer("modified")}) {
      t.columns.push_back(c);
    }
    t.indexes.push_back({"documents_by_date", "date_earliest, date_latest", false, {}});
    tables.push_back(std::move(t));
  }
  tables.push_back(child_table(kDocumentLanguages, "document_id", {text("language")}));
  tables.push_back(child_table(kDocumentTranslations, "document_id", {text("language")}));
  {
    auto t = child_table(kDocumentAgents, "document_id",
                         {text("agent_kind"), text("agent_id"), text("role")});
    t.checks.push_back("agent_kind IN ('person', 'organization')");
    t.indexes.push_back({"document_agents_by_agent", "agent_kind, agent_id", false, {}});
    tables.push_back(std::move(t));
  }
  tables.push_back(child_table(kDocumentPlaces, "document_id", {text("place")}));
  tables.push_back(child_table(kDocumentSubjects, "document_id", {text("subject")}));
  tables.push_back(child_table(kDocumentRelated, "document_id", {text("related_id")}));
  // memberships: both lists, told apart by listed_by; a plain (rowid) table with one unique
  // index per list.
  tables.push_back(TableDef{
      kMemberships,
      {text("listed_by"), text("document_id"), text("collection_id"), integer("position")},
      {},
      false,
      {{"memberships_of_document", "document_id, position", true, "listed_by = 'document'"},
       {"memberships_of_collection", "collection_id, position", true, "listed_by = 'collection'"}},
      {"listed_by IN ('document', 'collection')"}});

  // collections
  tables.push_back(TableDef{kCollections,
                            {text("id"), text("title"), text("description"), text("image_caption"),
                             nullable_text("parent_id")},
                            "id",
                            false,
                            {},
                            {}});
  tables.push_back(child_table(kCollectionRelated, "collection_id", {text("related_id")}));

  // people
  {
    TableDef t{kPeople, {text("id")}, "id", false, {}, {}};
    add_date_columns(t.columns, "born_edtf", "born_original", "born_calendar", "born_note");
    add_date_columns(t.columns, "died_edtf", "died_original", "died_calendar", "died_note");
    for (auto c : {text("viaf"), text("wikidata"), text("lcnaf"), text("note")})
      t.columns.push_back(c);
    tables.push_back(std::move(t));
  }
  {
    std::vector<SqlColumn> data{text("title"), nullable_text("organization_id")};
    add_date_columns(data, "date_edtf", "date_original", "date_calendar", "date_note");
    tables.push_back(child_table(kPersonPositions, "person_id", std::move(data)));
  }
  tables.push_back(child_table(kPersonAffiliations, "person_id", {text("organization_id")}));

  // organizations
  {
    TableDef t{kOrganizations, {text("id")}, "id", false, {}, {}};
    add_date_columns(t.columns, "existed_edtf", "existed_original", "existed_calendar",
                     "existed_note");
    for (auto c : {nullable_text("parent_id"), text("viaf"), text("wikidata"), text("lcnaf")})
      t.columns.push_back(c);
    tables.push_back(std::move(t));
  }

  // names of people and organizations: position 0 is the preferred name.
  tables.push_back(TableDef{kNames,
                            {text("owner_kind"), text("owner_id"), integer("position"),
                             text("form"), text("script"), nullable_text("scheme"), text("source")},
                            "owner_kind, owner_id, position",
                            true,
                            {{"names_by_form", "form", false, {}}},
                            {"owner_kind IN ('person', 'organization')"}});

  tables.push_back(TableDef{kMeta, {text("key"), text("value")}, "key", false, {}, {}});
  return tables;
}

const TableDef& find_table(const std::vector<TableDef>& tables, std::string_view name) {
  auto it =
      std::find_if(tables.begin(), tables.end(), [&](const TableDef& t) { return t.name == name; });
  assert(it != tables.end());
  return *it;
}

std::size_t column_index(const TableDef& table, std::string_view name) {
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    if (table.columns[i].name == name) return i;
  }
  assert(false && "no such column");
  return 0;
}

// ---------------------------------------------------------------------------------------------
// SQL generation.

bool is_id_column(std::string_view name) {
  return name == "id" || name.ends_with("_id");
}

std::string placeholder(SqlDialect dialect, std::size_t n) {  // n: 1-based
  return dialect == SqlDialect::sqlite ? std::string("?") : "$" + std::to_string(n);
}

std::string order_key(SqlDialect dialect, std::string_view column) {
  std::string s(column);
  if (dialect == SqlDialect::postgresql && is_id_column(column)) s += " COLLATE \"C\"";
  return s;
}

std::string create_table_sql(SqlDialect dialect, const TableDef& t) {
  std::string sql = "CREATE TABLE IF NOT EXISTS " + std::string(t.name) + " (";
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    const auto& c = t.columns[i];
    if (i > 0) sql += ", ";
    sql += c.name;
    if (c.type == SqlType::text) {
      sql += " TEXT";
      if (dialect == SqlDialect::postgresql && is_id_column(c.name)) sql += " COLLATE \"C\"";
    } else {
      sql += dialect == SqlDialect::sqlite ? " INTEGER" : " BIGINT";
    }
    if (!c.nullable) sql += " NOT NULL";
  }
  if (!t.primary_key.empty()) sql += ", PRIMARY KEY (" + std::string(t.primary_key) + ")";
  for (auto check : t.checks)
    sql += ", CHECK (" + std::string(check) + ")";
  sql += ")";
  if (dialect == SqlDialect::sqlite && t.without_rowid) sql += " WITHOUT ROWID";
  return sql;
}

std::string create_index_sql(const TableDef& t, const IndexDef& index) {
  std::string sql = index.unique ? "CREATE UNIQUE INDEX" : "CREATE INDEX";
  sql += " IF NOT EXISTS " + std::string(index.name) + " ON " + std::string(t.name) + " (" +
         std::string(index.columns) + ")";
  if (!index.where.empty()) sql += " WHERE " + std::string(index.where);
  return sql;
}

std::string column_list(const std::vector<SqlColumn>& columns) {
  std::string s;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i > 0) s += ", ";
    s += columns[i].name;
  }
  return s;
}

// A part of `kind` in table `table`; owner / discriminator named by column.
RecordPart make_part(SqlDialect dialect, const TableDef& table, std::string_view owner,
                     bool ordered, std::string_view discriminator = {},
                     std::string_view discriminator_value = {}) {
  RecordPart part;
  part.table = table.name;
  part.columns = table.columns;
  part.owner_column = column_index(table, owner);
  if (ordered) part.position_column = column_index(table, "position");
  std::string filter;
  if (!discriminator.empty()) {
    part.discriminator_column = column_index(table, discriminator);
    part.discriminator_value = discriminator_value;
    filter = std::string(discriminator) + " = '" + std::string(discriminator_value) + "'";
  }
  const auto columns = column_list(table.columns);
  const auto owner_is = std::string(owner) + " = " + placeholder(dialect, 1);
  const auto where_owner = " WHERE " + (filter.empty() ? owner_is : filter + " AND " + owner_is);

  part.insert_sql = "INSERT INTO " + std::string(table.name) + " (" + columns + ") VALUES (";
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    if (i > 0) part.insert_sql += ", ";
    part.insert_sql += placeholder(dialect, i + 1);
  }
  part.insert_sql += ")";
  part.delete_sql = "DELETE FROM " + std::string(table.name) + where_owner;
  part.select_sql = "SELECT " + columns + " FROM " + std::string(table.name) + where_owner;
  if (ordered) part.select_sql += " ORDER BY position";
  part.scan_sql = "SELECT " + columns + " FROM " + std::string(table.name);
  if (!filter.empty()) part.scan_sql += " WHERE " + filter;
  part.scan_sql += " ORDER BY " + order_key(dialect, owner);
  if (ordered) part.scan_sql += ", position";
  return part;
}

// ---------------------------------------------------------------------------------------------
// Values.

SqlValue text_value(std::string_view s) {
  return SqlValue(std::in_place_type<std::string>, s);
}

SqlValue int_value(std::int64_t v) {
  return SqlValue(v);
}

void push_date(SqlRow& row, const FuzzyDate& date) {
  row.push_back(date.is_undated() ? SqlValue() : SqlValue(date.to_edtf()));
  const auto& p = date.provenance();
  row.push_back(text_value(p.original));
  row.push_back(text_value(to_string(p.calendar)));
  row.push_back(text_value(p.note));
}

void push_name(std::vector<SqlRow>& rows, std::string_view owner_kind, const std::string& owner,
               std::int64_t position, const NameVariant& name) {
  rows.push_back({text_value(owner_kind), text_value(owner), int_value(position),
                  text_value(name.form), text_value(text::to_string(name.script)),
                  name.scheme ? text_value(to_string(*name.scheme)) : SqlValue(),
                  text_value(name.source)});
}

template <class T>
void push_list(std::vector<SqlRow>& rows, const std::string& owner, const std::vector<T>& values,
               auto&& text_of) {
  for (std::size_t i = 0; i < values.size(); ++i) {
    rows.push_back({text_value(owner), int_value(static_cast<std::int64_t>(i)),
                    text_value(text_of(values[i]))});
  }
}

constexpr auto kSame = [](const std::string& s) -> const std::string& { return s; };
constexpr auto kIdText = [](const auto& id) -> const std::string& { return id.str(); };

void flatten_document(const Document& d, RecordRows& rows) {
  rows.resize(8);
  const auto& id = d.id.str();
  SqlRow main;
  main.reserve(18);
  main.push_back(text_value(id));
  main.push_back(text_value(d.title));
  push_date(main, d.date);
  main.push_back(earliest_day_value(d.date));
  main.push_back(latest_day_value(d.date));
  main.push_back(text_value(d.date_error));
  main.push_back(text_value(d.summary));
  main.push_back(text_value(d.doc_type));
  main.push_back(text_value(d.source.repository));
  main.push_back(text_value(d.source.reference));
  main.push_back(text_value(d.classification));
  main.push_back(text_value(d.rights));
  main.push_back(int_value(static_cast<std::int64_t>(d.views)));  // bit pattern, see docs
  main.push_back(d.created ? int_value(d.created->time_since_epoch().count()) : SqlValue());
  main.push_back(d.modified ? int_value(d.modified->time_since_epoch().count()) : SqlValue());
  rows[0].push_back(std::move(main));
  push_list(rows[1], id, d.languages, kSame);
  push_list(rows[2], id, d.translations, kSame);
  for (std::size_t i = 0; i < d.agents.size(); ++i) {
    const auto& a = d.agents[i];
    const bool person = std::holds_alternative<PersonId>(a.id);
    rows[3].push_back({text_value(id), int_value(static_cast<std::int64_t>(i)),
                       text_value(person ? "person" : "organization"),
                       text_value(agent_id_text(a.id)), text_value(to_string(a.role))});
  }
  push_list(rows[4], id, d.places, kSame);
  push_list(rows[5], id, d.subjects, kSame);
  push_list(rows[6], id, d.related, kIdText);
  for (std::size_t i = 0; i < d.collections.size(); ++i) {
    rows[7].push_back({text_value("document"), text_value(id), text_value(d.collections[i].str()),
                       int_value(static_cast<std::int64_t>(i))});
  }
}

void flatten_collection(const Collection& c, RecordRows& rows) {
  rows.resize(3);
  const auto& id = c.id.str();
  rows[0].push_back({text_value(id), text_value(c.title), text_value(c.description),
                     text_value(c.image_caption),
                     c.parent ? text_value(c.parent->str()) : SqlValue()});
  push_list(rows[1], id, c.related, kIdText);
  for (std::size_t i = 0; i < c.documents.size(); ++i) {
    rows[2].push_back({text_value("collection"), text_value(c.documents[i].str()), text_value(id),
                       int_value(static_cast<std::int64_t>(i))});
  }
}

void flatten_person(const Person& p, RecordRows& rows) {
  rows.resize(4);
  const auto& id = p.id.str();
  SqlRow main{text_value(id)};
  push_date(main, p.born);
  push_date(main, p.died);
  main.push_back(text_value(p.identifiers.viaf));
  main.push_back(text_value(p.identifiers.wikidata));
  main.push_back(text_value(p.identifiers.lcnaf));
  main.push_back(text_value(p.note));
  rows[0].push_back(std::move(main));
  push_name(rows[1], "person", id, 0, p.name);
  for (std::size_t i = 0; i < p.variants.size(); ++i) {
    push_name(rows[1], "person", id, static_cast<std::int64_t>(i + 1), p.variants[i]);
  }
  for (std::size_t i = 0; i < p.positions.size(); ++i) {
    const auto& pos = p.positions[i];
    SqlRow row{text_value(id), int_value(static_cast<std::int64_t>(i)), text_value(pos.title),
               pos.organization ? text_value(pos.organization->str()) : SqlValue()};
    push_date(row, pos.date);
    rows[2].push_back(std::move(row));
  }
  push_list(rows[3], id, p.affiliations, kIdText);
}

void flatten_organization(const Organization& o, RecordRows& rows) {
  rows.resize(2);
  const auto& id = o.id.str();
  SqlRow main{text_value(id)};
  push_date(main, o.existed);
  main.push_back(o.parent ? text_value(o.parent->str()) : SqlValue());
  main.push_back(text_value(o.identifiers.viaf));
  main.push_back(text_value(o.identifiers.wikidata));
  main.push_back(text_value(o.identifiers.lcnaf));
  rows[0].push_back(std::move(main));
  push_name(rows[1], "organization", id, 0, o.name);
  for (std::size_t i = 0; i < o.variants.size(); ++i) {
    push_name(rows[1], "organization", id, static_cast<std::int64_t>(i + 1), o.variants[i]);
  }
}

// ---------------------------------------------------------------------------------------------
// Reading rows back.

std::string describe(const SqlValue& v) {
  if (std::holds_alternative<std::monostate>(v)) return "NULL";
  if (const auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  auto s = std::get<std::string>(v);
  if (s.size() > 60) s = s.substr(0, 60) + "…";
  return "'" + s + "'";
}

// Reads the columns of one row in order, remembering the first error.
class RowReader {
 public:
  RowReader(const RecordPart& part, SqlRow& row, RecordKind kind, const std::string& id,
            std::optional<Error>& error)
      : part_(part), row_(row), kind_(kind), id_(id), error_(error) {
    if (row.size() != part.columns.size() && !error_) {
      error_ = make_error(ErrorCode::corrupt,
                          "table " + std::string(part.table) + ", " + to_string(kind) + " '" + id +
                              "': a row of " + std::to_string(row.size()) + " columns, expected " +
                              std::to_string(part.columns.size()));
    }
  }

  // Skips a column (owner id, discriminator, position).
  void skip() { ++i_; }

  std::string text() {
    auto v = take();
    if (auto* s = std::get_if<std::string>(v)) return std::move(*s);
    fail(*v, std::holds_alternative<std::monostate>(*v) ? "NULL where text is required"
                                                        : "an integer where text is required");
    return {};
  }
  std::optional<std::string> optional_text() {
    auto v = take();
    if (std::holds_alternative<std::monostate>(*v)) return std::nullopt;
    if (auto* s = std::get_if<std::string>(v)) return std::move(*s);
    fail(*v, "an integer where text is required");
    return std::nullopt;
  }
  std::int64_t integer() {
    auto v = take();
    if (auto* i = std::get_if<std::int64_t>(v)) return *i;
    fail(*v, std::holds_alternative<std::monostate>(*v) ? "NULL where an integer is required"
                                                        : "not an integer");
    return 0;
  }
  std::optional<std::int64_t> optional_integer() {
    auto v = take();
    if (std::holds_alternative<std::monostate>(*v)) return std::nullopt;
    if (auto* i = std::get_if<std::int64_t>(v)) return *i;
    fail(*v, "not an integer");
    return std::nullopt;
  }

  // The four date columns.
  FuzzyDate date() {
    const auto at = i_;
    auto edtf = optional_text();
    FuzzyDate date;
    if (edtf && !edtf->empty()) {
      if (auto parsed = parse_edtf(*edtf)) {
        date = std::move(*parsed);
      } else {
        fail_at(at, "'" + *edtf + "' is not EDTF: " + parsed.error().describe());
      }
    }
    Provenance p;
    p.original = text();
    const auto calendar_at = i_;
    auto calendar = text();
    if (auto c = parse_calendar(calendar)) {
      p.calendar = *c;
    } else {
      fail_at(calendar_at, "unknown calendar '" + calendar + "'");
    }
    p.note = text();
    date.set_provenance(std::move(p));
    return date;
  }

  text::Script script() {
    const auto at = i_;
    auto name = text();
    if (auto s = text::parse_script(name)) return *s;
    fail_at(at, "unknown script '" + name + "'");
    return text::Script::none;
  }
  std::optional<Scheme> scheme() {
    const auto at = i_;
    auto name = optional_text();
    if (!name) return std::nullopt;
    if (auto s = parse_scheme(*name)) return *s;
    fail_at(at, "unknown romanization scheme '" + *name + "'");
    return std::nullopt;
  }
  AgentRole role() {
    const auto at = i_;
    auto name = text();
    if (auto r = parse_agent_role(name)) return *r;
    fail_at(at, "unknown agent role '" + name + "'");
    return AgentRole::mentioned;
  }
  NameVariant name() {
    NameVariant n;
    n.form = text();
    n.script = script();
    n.scheme = scheme();
    n.source = text();
    return n;
  }
  AgentId agent() {
    const auto at = i_;
    auto kind = text();
    auto id = text();
    if (kind == "person") return PersonId(std::move(id));
    if (kind == "organization") return OrganizationId(std::move(id));
    fail_at(at, "unknown agent kind '" + kind + "'");
    return PersonId(std::move(id));
  }

  void fail_at(std::size_t column, const std::string& why) {
    if (error_) return;
    const auto name = column < part_.columns.size() ? part_.columns[column].name : "?";
    error_ = make_error(ErrorCode::corrupt, "table " + std::string(part_.table) + ", column " +
                                                std::string(name) + ", " + to_string(kind_) + " '" +
                                                id_ + "': " + why);
  }

 private:
  SqlValue* take() {
    if (i_ >= row_.size()) {
      ++i_;
      null_ = SqlValue();
      return &null_;  // the size mismatch is already reported
    }
    return &row_[i_++];
  }
  void fail(const SqlValue& v, const std::string& why) {
    fail_at(i_ - 1, why + " (" + describe(v) + ")");
  }

  const RecordPart& part_;
  SqlRow& row_;
  RecordKind kind_;
  const std::string& id_;
  std::optional<Error>& error_;
  std::size_t i_ = 0;
  SqlValue null_;
};

// The schema whose layout (column order, owner columns) every dialect shares.
const RelationalSchema& layout() {
  static const RelationalSchema schema(SqlDialect::sqlite);
  return schema;
}

// Reads the single text column after owner and position of each row of a list part.
template <class T>
std::vector<T> read_list(const RecordPart& part, std::vector<SqlRow>& rows, RecordKind kind,
                         const std::string& id, std::optional<Error>& error) {
  std::vector<T> out;
  out.reserve(rows.size());
  for (auto& row : rows) {
    RowReader r(part, row, kind, id, error);
    r.skip();
    r.skip();
    out.emplace_back(r.text());
  }
  return out;
}

Document rebuild_document(const KindSchema& k, RecordRows& rows, const std::string& id,
                          std::optional<Error>& error) {
  constexpr auto kind = RecordKind::document;
  Document d;
  {
    RowReader r(k.parts[0], rows[0][0], kind, id, error);
    d.id = DocumentId(r.text());
    d.title = r.text();
    d.date = r.date();
    r.skip();  // date_earliest: derived from the date
    r.skip();  // date_latest
    d.date_error = r.text();
    d.summary = r.text();
    d.doc_type = r.text();
    d.source.repository = r.text();
    d.source.reference = r.text();
    d.classification = r.text();
    d.rights = r.text();
    d.views = static_cast<std::uint64_t>(r.integer());
    if (auto t = r.optional_integer()) d.created = Timestamp{std::chrono::seconds{*t}};
    if (auto t = r.optional_integer()) d.modified = Timestamp{std::chrono::seconds{*t}};
  }
  d.languages = read_list<std::string>(k.parts[1], rows[1], kind, id, error);
  d.translations = read_list<std::string>(k.parts[2], rows[2], kind, id, error);
  for (auto& row : rows[3]) {
    RowReader r(k.parts[3], row, kind, id, error);
    r.skip();
    r.skip();
    AgentLink link;
    link.id = r.agent();
    link.role = r.role();
    d.agents.push_back(std::move(link));
  }
  d.places = read_list<std::string>(k.parts[4], rows[4], kind, id, error);
  d.subjects = read_list<std::string>(k.parts[5], rows[5], kind, id, error);
  d.related = read_list<DocumentId>(k.parts[6], rows[6], kind, id, error);
  for (auto& row : rows[7]) {
    RowReader r(k.parts[7], row, kind, id, error);
    r.skip();  // listed_by
    r.skip();  // document_id
    d.collections.emplace_back(r.text());
  }
  return d;
}

Collection rebuild_collection(const KindSchema& k, RecordRows& rows, const std::string& id,
                              std::optional<Error>& error) {
  constexpr auto kind = RecordKind::collection;
  Collection c;
  {
    RowReader r(k.parts[0], rows[0][0], kind, id, error);
    c.id = CollectionId(r.text());
    c.title = r.text();
    c.description = r.text();
    c.image_caption = r.text();
    if (auto parent = r.optional_text()) c.parent = CollectionId(std::move(*parent));
  }
  c.related = read_list<CollectionId>(k.parts[1], rows[1], kind, id, error);
  for (auto& row : rows[2]) {
    RowReader r(k.parts[2], row, kind, id, error);
    r.skip();  // listed_by
    c.documents.emplace_back(r.text());
  }
  return c;
}

// Names: position 0 is the preferred name, the rest are variants in order.
void rebuild_names(const RecordPart& part, std::vector<SqlRow>& rows, RecordKind kind,
                   const std::string& id, NameVariant& name, std::vector<NameVariant>& variants,
                   std::optional<Error>& error) {
  bool preferred = false;
  for (auto& row : rows) {
    RowReader r(part, row, kind, id, error);
    r.skip();  // owner_kind
    r.skip();  // owner_id
    const auto position = r.integer();
    if (position == 0 && !preferred) {
      name = r.name();
      preferred = true;
    } else {
      if (!preferred) break;
      variants.push_back(r.name());
    }
  }
  if (!preferred && !error) {
    error =
        make_error(ErrorCode::corrupt, "table names, column position, " + to_string(kind) + " '" +
                                           id + "': no preferred name (a row at position 0)");
  }
}

Person rebuild_person(const KindSchema& k, RecordRows& rows, const std::string& id,
                      std::optional<Error>& error) {
  constexpr auto kind = RecordKind::person;
  Person p;
  {
    RowReader r(k.parts[0], rows[0][0], kind, id, error);
    p.id = PersonId(r.text());
    p.born = r.date();
    p.died = r.date();
    p.identifiers.viaf = r.text();
    p.identifiers.wikidata = r.text();
    p.identifiers.lcnaf = r.text();
    p.note = r.text();
  }
  rebuild_names(k.parts[1], rows[1], kind, id, p.name, p.variants, error);
  for (auto& row : rows[2]) {
    RowReader r(k.parts[2], row, kind, id, error);
    r.skip();
    r.skip();
    Position pos;
    pos.title = r.text();
    if (auto org = r.optional_text()) pos.organization = OrganizationId(std::move(*org));
    pos.date = r.date();
    p.positions.push_back(std::move(pos));
  }
  p.affiliations = read_list<OrganizationId>(k.parts[3], rows[3], kind, id, error);
  return p;
}

Organization rebuild_organization(const KindSchema& k, RecordRows& rows, const std::string& id,
                                  std::optional<Error>& error) {
  constexpr auto kind = RecordKind::organization;
  Organization o;
  {
    RowReader r(k.parts[0], rows[0][0], kind, id, error);
    o.id = OrganizationId(r.text());
    o.existed = r.date();
    if (auto parent = r.optional_text()) o.parent = OrganizationId(std::move(*parent));
    o.identifiers.viaf = r.text();
    o.identifiers.wikidata = r.text();
    o.identifiers.lcnaf = r.text();
  }
  rebuild_names(k.parts[1], rows[1], kind, id, o.name, o.variants, error);
  return o;
}

const std::string* owner_text(const SqlRow& row, std::size_t column) {
  if (column >= row.size()) return nullptr;
  return std::get_if<std::string>(&row[column]);
}

Error scan_error(const RecordPart& part, const std::string& why) {
  return make_error(ErrorCode::corrupt, "table " + std::string(part.table) + ", column " +
                                            std::string(part.columns[part.owner_column].name) +
                                            ": " + why);
}

// The day text of a bound, or NULL.
SqlValue day_value(const DayBound& bound) {
  return bound.is_day() ? SqlValue(bound.day.to_string()) : SqlValue();
}

}  // namespace

// ---------------------------------------------------------------------------------------------

RelationalSchema::RelationalSchema(SqlDialect dialect) : dialect_(dialect) {
  const auto tables = table_defs();
  for (const auto& t : tables) {
    tables_.push_back(t.name);
    create_.push_back(create_table_sql(dialect, t));
    for (const auto& index : t.indexes)
      create_.push_back(create_index_sql(t, index));
  }

  auto kind_schema = [&](RecordKind kind, std::vector<RecordPart> parts) {
    KindSchema k;
    k.kind = kind;
    k.parts = std::move(parts);
    k.exists_sql =
        "SELECT 1 FROM " + std::string(k.parts[0].table) + " WHERE id = " + placeholder(dialect, 1);
    kinds_.push_back(std::move(k));
  };
  auto table = [&](std::string_view name) -> const TableDef& { return find_table(tables, name); };

  kind_schema(
      RecordKind::document,
      {make_part(dialect, table(kDocuments), "id", false),
       make_part(dialect, table(kDocumentLanguages), "document_id", true),
       make_part(dialect, table(kDocumentTranslations), "document_id", true),
       make_part(dialect, table(kDocumentAgents), "document_id", true),
       make_part(dialect, table(kDocumentPlaces), "document_id", true),
       make_part(dialect, table(kDocumentSubjects), "document_id", true),
       make_part(dialect, table(kDocumentRelated), "document_id", true),
       make_part(dialect, table(kMemberships), "document_id", true, "listed_by", "document")});
  kind_schema(
      RecordKind::collection,
      {make_part(dialect, table(kCollections), "id", false),
       make_part(dialect, table(kCollectionRelated), "collection_id", true),
       make_part(dialect, table(kMemberships), "collection_id", true, "listed_by", "collection")});
  kind_schema(RecordKind::person,
              {make_part(dialect, table(kPeople), "id", false),
               make_part(dialect, table(kNames), "owner_id", true, "owner_kind", "person"),
               make_part(dialect, table(kPersonPositions), "person_id", true),
               make_part(dialect, table(kPersonAffiliations), "person_id", true)});
  kind_schema(RecordKind::organization,
              {make_part(dialect, table(kOrganizations), "id", false),
               make_part(dialect, table(kNames), "owner_id", true, "owner_kind", "organization")});

  select_meta_ = "SELECT value FROM meta WHERE key = " + placeholder(dialect, 1);
  insert_meta_ = "INSERT INTO meta (key, value) VALUES (" + placeholder(dialect, 1) + ", " +
                 placeholder(dialect, 2) + ")";
  update_meta_ = "UPDATE meta SET value = " + placeholder(dialect, 1) +
                 " WHERE key = " + placeholder(dialect, 2);
  upsert_meta_ = insert_meta_ + " ON CONFLICT (key) DO UPDATE SET value = excluded.value";
}

const KindSchema& RelationalSchema::kind(RecordKind kind) const noexcept {
  return kinds_[static_cast<std::size_t>(kind)];
}

std::vector<MigrationStep> RelationalSchema::migration_steps(int version) const {
  assert(version >= 1 && version <= kSchemaVersion);
  std::vector<MigrationStep> steps;
  if (version <= 1) {
    // Version 1 lacked the documents' day bounds; version 2 adds and fills them.
    MigrationStep step;
    step.from_version = 1;
    step.description = "add documents.date_earliest and date_latest";
    step.statements = {"ALTER TABLE documents ADD COLUMN date_earliest TEXT",
                       "ALTER TABLE documents ADD COLUMN date_latest TEXT",
                       "CREATE INDEX IF NOT EXISTS documents_by_date ON documents "
                       "(date_earliest, date_latest)"};
    step.select_sql = "SELECT id, date_edtf FROM documents";
    step.update_sql = "UPDATE documents SET date_earliest = " + placeholder(dialect_, 1) +
                      ", date_latest = " + placeholder(dialect_, 2) +
                      " WHERE id = " + placeholder(dialect_, 3);
    step.rewrite = [](const SqlRow& row) -> Result<SqlRow> {
      const auto* id = row.empty() ? nullptr : std::get_if<std::string>(&row[0]);
      if (id == nullptr) {
        return make_error(ErrorCode::corrupt, "table documents, column id: not text");
      }
      FuzzyDate date;
      if (row.size() > 1) {
        if (const auto* edtf = std::get_if<std::string>(&row[1]); edtf && !edtf->empty()) {
          auto parsed = parse_edtf(*edtf);
          if (!parsed) {
            return make_error(ErrorCode::corrupt,
                              "table documents, column date_edtf, document '" + *id + "': '" +
                                  *edtf + "' is not EDTF: " + parsed.error().describe());
          }
          date = std::move(*parsed);
        }
      }
      return SqlRow{earliest_day_value(date), latest_day_value(date), SqlValue(*id)};
    };
    steps.push_back(std::move(step));
  }
  return steps;
}

void flatten(const Record& record, RecordRows& rows) {
  for (auto& part : rows)
    part.clear();
  std::visit(
      [&](const auto& r) {
        using T = std::decay_t<decltype(r)>;
        if constexpr (std::is_same_v<T, Document>) {
          flatten_document(r, rows);
        } else if constexpr (std::is_same_v<T, Collection>) {
          flatten_collection(r, rows);
        } else if constexpr (std::is_same_v<T, Person>) {
          flatten_person(r, rows);
        } else {
          flatten_organization(r, rows);
        }
      },
      record);
}

RecordRows flatten(const Record& record) {
  RecordRows rows;
  flatten(record, rows);
  return rows;
}

Result<Record> rebuild(RecordKind kind, RecordRows&& rows) {
  const auto& k = layout().kind(kind);
  if (rows.size() != k.parts.size() || rows[0].size() != 1) {
    return make_error(ErrorCode::corrupt, "table " + std::string(k.parts[0].table) +
                                              ": expected one row per " + to_string(kind) +
                                              " and " + std::to_string(k.parts.size()) + " parts");
  }
  const std::string* id_text = owner_text(rows[0][0], k.parts[0].owner_column);
  if (id_text == nullptr) {
    return make_error(ErrorCode::corrupt,
                      "table " + std::string(k.parts[0].table) + ", column id: not text");
  }
  const std::string id = *id_text;
  std::optional<Error> error;
  Record record;
  switch (kind) {
    case RecordKind::document:
      record = rebuild_document(k, rows, id, error);
      break;
    case RecordKind::collection:
      record = rebuild_collection(k, rows, id, error);
      break;
    case RecordKind::person:
      record = rebuild_person(k, rows, id, error);
      break;
    case RecordKind::organization:
      record = rebuild_organization(k, rows, id, error);
      break;
  }
  if (error) return std::move(*error);
  return record;
}

Result<void> merge_scan(RecordKind kind, std::span<RowCursor* const> cursors,
                        const ScanVisitor& visit) {
  const auto& parts = layout().kind(kind).parts;
  assert(cursors.size() == parts.size());
  const auto n = parts.size();
  std::vector<std::optional<SqlRow>> pending(n);  // a child row read ahead of its owner
  std::vector<bool> exhausted(n, false);
  SqlRow main;
  for (;;) {
    auto more = cursors[0]->next(main);
    if (!more) return std::move(more).error();
    if (!*more) return {};
    const auto* id_text = owner_text(main, parts[0].owner_column);
    if (id_text == nullptr) return scan_error(parts[0], "an id that is not text");
    const std::string id = *id_text;
    RecordRows rows(n);
    rows[0].push_back(std::move(main));
    main = SqlRow();
    for (std::size_t i = 1; i < n; ++i) {
      for (;;) {
        if (!pending[i]) {
          if (exhausted[i]) break;
          SqlRow row;
          auto got = cursors[i]->next(row);
          if (!got) return std::move(got).error();
          if (!*got) {
            exhausted[i] = true;
            break;
          }
          pending[i] = std::move(row);
        }
        const auto* owner = owner_text(*pending[i], parts[i].owner_column);
        if (owner == nullptr) return scan_error(parts[i], "an owner id that is not text");
        if (*owner < id) {  // an orphan row: no main row owns it
          pending[i].reset();
          continue;
        }
        if (*owner > id) break;
        rows[i].push_back(std::move(*pending[i]));
        pending[i].reset();
      }
    }
    auto record = rebuild(kind, std::move(rows));
    if (!record) return std::move(record).error();
    if (!visit(std::move(*record))) return {};
  }
}

SqlValue sql_value_from_text(SqlType type, std::optional<std::string_view> text) {
  if (!text) return SqlValue();
  if (type == SqlType::integer) {
    std::int64_t v = 0;
    const auto* end = text->data() + text->size();
    auto [ptr, ec] = std::from_chars(text->data(), end, v);
    if (ec == std::errc() && ptr == end && !text->empty()) return SqlValue(v);
  }
  return text_value(*text);
}

SqlValue earliest_day_value(const FuzzyDate& date) {
  return day_value(date.earliest());
}

SqlValue latest_day_value(const FuzzyDate& date) {
  return day_value(date.latest());
}

}  // namespace archive::detail
