import FluentKit
import SQLKit

/// One pass of the background WAL checkpoint (SQLite).
///
/// A `PASSIVE` checkpoint copies committed pages into the database file without waiting for anyone,
/// but it never lets the WAL start over: SQLite rewinds the log only when a write transaction begins
/// on a fully copied WAL, and under steady writes the writer's next batch always begins before this
/// loop has copied the last one. Left alone, the WAL grew by about 16 MB a second under the order
/// benchmark, and every read got slower as it searched a longer WAL index (orders 196 → 124/s with a
/// 600 MB WAL). So once the log is long, the writer is asked to copy it itself before its next batch
/// — only the pages committed since this pass — and that batch writes from the start of the file.
/// (A `RESTART` checkpoint from here would do the same by stopping the writer until readers left the
/// old log: measured, it put 100–300 ms into the writes' p99.)
struct WALCheckpoint: Sendable {
    /// WAL frames (pages) past which the log is restarted: 16 MiB of 4 KiB pages.
    static let restartFrames = 4_096

    let writes: WriteSerializer
    var restartFrames = Self.restartFrames

    /// Copies what it can and asks for a restart when the log is long. Returns the frames the WAL
    /// held.
    @discardableResult
    func run(on database: any Database) async throws -> Int {
        guard let passive = try await RowReader.all("PRAGMA wal_checkpoint(PASSIVE)", on: database).first else { return 0 }
        let frames = try passive.int("log")
        if frames >= restartFrames { writes.requestWALRestart() }
        return frames
    }
}
