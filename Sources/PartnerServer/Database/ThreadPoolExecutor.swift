import NIOPosix

/// A task executor that runs jobs on a one-thread `NIOThreadPool`.
///
/// SQLiteNIO runs every libsqlite3 call on its connection's thread pool and resumes the awaiting
/// task from there. When the task itself prefers this executor and the pool has one thread, the
/// statement and the code around it run back to back on that thread: no thread wakes another per
/// statement. Measured on the sale path, those wake-ups were most of a write's serial time.
final class ThreadPoolExecutor: TaskExecutor {
    private let pool: NIOThreadPool

    init(pool: NIOThreadPool) {
        self.pool = pool
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        // A stopped pool hands the item back as cancelled on the caller's thread; the job still
        // runs, so no task is left suspended forever.
        pool.submit { _ in job.runSynchronously(on: executor) }
    }
}
