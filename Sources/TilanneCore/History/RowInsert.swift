import GRDB
import GRDBSQLite

/// Runs a prepared INSERT once per row, binding values with SQLite's own calls. A run stores
/// every row it reports (100,000 in the benchmark); building GRDB's `StatementArguments` for
/// each took most of the time of recording them (perf: 7 % of a whole run, against under 1 %
/// in SQLite itself), so the hot loop binds directly. Used inside GRDB's write transaction.
struct RowInsert {
    private let statement: Statement

    init(_ statement: Statement) { self.statement = statement }

    struct Binder {
        let handle: SQLiteStatement
        private(set) var index: Int32 = 1

        init(handle: SQLiteStatement) { self.handle = handle }

        mutating func text(_ value: String) {
            // SQLITE_TRANSIENT: SQLite copies the bytes before the call returns.
            sqlite3_bind_text(handle, index, value, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
            index += 1
        }

        mutating func int(_ value: Int) {
            sqlite3_bind_int64(handle, index, sqlite3_int64(value))
            index += 1
        }

        mutating func optionalInt(_ value: Int?) {
            if let value { int(value) } else { sqlite3_bind_null(handle, index); index += 1 }
        }

        /// The columns of `HistorySchema.rowColumns`, in order.
        mutating func row(_ row: HistoryRow) {
            text(row.identity); text(row.lineage); text(row.theme); int(row.goalNumber); text(row.goalTitle)
            text(row.action); text(row.projects); text(row.responsible); text(row.progress); text(row.status)
            text(row.statusKey); text(row.sourceFile); optionalInt(row.sourceRow); text(row.itemPath)
        }
    }

    func run(_ bind: (inout Binder) -> Void) throws {
        let handle = statement.sqliteStatement
        var binder = Binder(handle: handle)
        bind(&binder)
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errstr(code)))
        }
    }
}
