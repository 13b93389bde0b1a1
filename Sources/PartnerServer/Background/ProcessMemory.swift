#if canImport(Glibc)
    import Glibc
#endif

/// The process's heap after a burst of background work.
enum ProcessMemory {
    /// Gives freed heap pages back to the system. glibc keeps what a large batch (an automation over
    /// every partner, a network re-forecast) freed in its arenas, so an idle server would otherwise
    /// stay at its busiest size. `malloc_trim` is a glibc extension the `Glibc` module does not
    /// export, so it is looked up at run time; elsewhere (another libc) this does nothing.
    static func returnFreedPages() {
        #if canImport(Glibc)
            // A nil handle is RTLD_DEFAULT: the symbol as the process has it.
            guard let symbol = dlsym(nil, "malloc_trim") else { return }
            let trim = unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
            _ = trim(0)
        #endif
    }
}
