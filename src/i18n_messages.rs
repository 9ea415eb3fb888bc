// Every UI message: key => Indonesian, English. Included by `i18n.rs`.
// Placeholders in {braces} must be the same in both languages (checked by a test).
messages! {
    // App frame
    AppName => "Kinerja", "Kinerja";
    DocumentTitle => "Kinerja — Perjanjian Kinerja", "Kinerja — Performance Agreements";
    BrandSub => "Perjanjian Kinerja", "Performance Agreements";
    SkipToContent => "Langsung ke isi", "Skip to content";
    NavLabel => "Navigasi utama", "Main navigation";
    NavHome => "Beranda", "Home";
    NavRollup => "Rekapitulasi", "Rollup";
    NavData => "Data", "Data";
    FooterText => "Kinerja menyimpan data di browser ini saja. Ekspor berkas JSON untuk berbagi atau menyimpan cadangan.", "Kinerja keeps data in this browser only. Export a JSON file to share it or keep a backup.";
    LangSwitchLabel => "Bahasa", "Language";
    PublicBadge => "Tampilan publik (hanya baca)", "Public view (read-only)";
    Dismiss => "Tutup pesan", "Dismiss message";
    Cancel => "Batal", "Cancel";
    NotFoundTitle => "Halaman tidak ditemukan", "Page not found";
    NotFoundBody => "Alamat ini tidak menunjuk ke halaman atau Perjanjian Kinerja yang ada.", "This address does not point to an existing page or performance agreement.";
    BackHome => "Kembali ke beranda", "Back to home";

    // Undo, redo, saving
    Undo => "Urungkan", "Undo";
    Redo => "Ulangi", "Redo";
    UndoHint => "Urungkan perubahan terakhir (Ctrl+Z)", "Undo the last change (Ctrl+Z)";
    RedoHint => "Ulangi perubahan yang diurungkan (Ctrl+Shift+Z)", "Redo the undone change (Ctrl+Shift+Z)";
    Undone => "Perubahan diurungkan.", "Change undone.";
    Redone => "Perubahan diulangi.", "Change redone.";
    SaveSaved => "Tersimpan", "Saved";
    SavePending => "Menyimpan…", "Saving…";
    SaveFailedFullShort => "Tidak tersimpan: penyimpanan penuh", "Not saved: storage full";
    SaveFailedUnavailableShort => "Tidak tersimpan: penyimpanan browser tidak tersedia", "Not saved: browser storage unavailable";
    SaveFailedElsewhereShort => "Tidak tersimpan: data diubah di tab lain", "Not saved: data changed in another tab";
    SaveFailedFull => "Perubahan tidak dapat disimpan karena penyimpanan browser penuh. Pekerjaan Anda masih ada di halaman ini: ekspor data (menu Data) agar tidak hilang, lalu kosongkan ruang.", "Changes could not be saved because the browser's storage is full. Your work is still on this page: export your data (Data menu) so it is not lost, then free some space.";
    SaveFailedUnavailable => "Penyimpanan browser tidak tersedia (dinonaktifkan atau mode privat). Perubahan hanya ada di halaman ini: ekspor data (menu Data) agar tidak hilang.", "Browser storage is unavailable (disabled or private mode). Changes exist only on this page: export your data (Data menu) so it is not lost.";
    ConflictTitle => "Data diubah di tab lain.", "Data changed in another tab.";
    ConflictBody => "Tab ini juga punya perubahan yang belum tersimpan. Pilih data mana yang dipakai.", "This tab also has unsaved changes. Choose which data to keep.";
    ConflictLoadTheirs => "Muat data dari tab lain", "Load the other tab's data";
    ConflictKeepMine => "Simpan data tab ini", "Keep this tab's data";
    ReloadedFromOtherTab => "Perubahan dari tab lain telah dimuat.", "Changes from another tab were loaded.";

    // Home
    HomeTitle => "Perjanjian Kinerja", "Performance Agreements";
    HomeTitleYear => "Perjanjian Kinerja Tahun {year}", "Performance Agreements {year}";
    HomeEmpty => "Belum ada Perjanjian Kinerja untuk ditampilkan.", "There are no performance agreements to show yet.";
    HomeSummary => "{n} Perjanjian Kinerja, disusun menurut jenjang: setiap PK berada di bawah PK atasannya.", "{n} performance agreements, arranged by cascade: each one sits below its superior's.";
    YearChoice => "Pilih tahun", "Choose a year";
    SignsWith => "{first} dengan {second} ({position})", "{first} with {second} ({position})";
    Unit => "Unit", "Unit";
    TotalBudget => "Total anggaran", "Total budget";
    Contents => "Isi", "Contents";
    ContentsCount => "{s} sasaran, {i} indikator", "{s} objectives, {i} indicators";
    LinkParentMissing => "PK atasan yang dirujuk tidak ada di data ini.", "The superior's agreement it refers to is not in this data.";
    LinkParentOtherYear => "PK atasan yang dirujuk berada di tahun lain.", "The superior's agreement it refers to is in another year.";
    LinkCycle => "Rujukan atasan membentuk lingkaran.", "The superior links form a loop.";
    NameMissing => "(nama belum diisi)", "(name not filled in)";

    // The document
    DocumentTools => "Alat dokumen", "Document tools";
    BackToCascade => "← Daftar PK", "← All agreements";
    Print => "Cetak", "Print";
    ShowRollup => "Rekapitulasi", "Rollup";
    AgreementTitleYear => "PERJANJIAN KINERJA TAHUN {year}", "PERFORMANCE AGREEMENT {year}";
    StatementIntro => "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan, dan akuntabel serta berorientasi pada hasil, kami yang bertanda tangan dibawah ini,", "In order to achieve effective, transparent and accountable government management oriented towards results, we the undersigned,";
    Name => "Nama", "Name";
    Position => "Jabatan", "Position";
    StatementFirstParty => "Selanjutnya disebut pihak pertama", "Hereinafter referred to as the first party";
    StatementSecondParty => "Selaku atasan pihak pertama, selanjutnya disebut pihak kedua", "As the first party's superior, hereinafter referred to as the second party";
    StatementPromise => "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami.", "The first party promises to achieve the performance targets set out in the annex to this agreement, in order to reach the medium-term performance targets set in the planning documents. Success or failure in achieving these targets is our responsibility.";
    StatementSupervision => "Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan dan sanksi.", "The second party will provide the necessary supervision, evaluate the performance achieved under this agreement and take the action needed to grant rewards and sanctions.";
    FirstParty => "Pihak Pertama", "First Party";
    SecondParty => "Pihak Kedua", "Second Party";
    UnitLong => "Nama/Unit Organisasi", "Organisation/Unit";
    Year => "Tahun", "Year";
    IndicatorTableCaption => "Sasaran, indikator kinerja dan target", "Objectives, performance indicators and targets";
    ColNo => "No", "No";
    ColObjective => "Sasaran Kegiatan", "Objective";
    ColIndicator => "Indikator Kinerja", "Performance Indicator";
    ColTarget => "Target", "Target";
    BudgetTableCaption => "Program dan anggaran", "Programs and budget";
    ColProgram => "Program", "Program";
    ColBudget => "Anggaran", "Budget";
    Notes => "Catatan", "Notes";

    // Data page
    DataTitle => "Data", "Data";
    ExportTitle => "Ekspor", "Export";
    ExportHint => "Unduh seluruh data sebagai berkas JSON untuk cadangan atau untuk dikirim ke kantor lain.", "Download all data as a JSON file, as a backup or to send to another office.";
    ExportAll => "Ekspor semua data (JSON)", "Export all data (JSON)";
    Exported => "Berkas {file} telah diunduh.", "File {file} was downloaded.";
    DownloadFailed => "Unduhan gagal:", "Download failed:";
    StorageTitle => "Penyimpanan browser", "Browser storage";
    StorageUsage => "Data Kinerja memakai {used} dari sekitar {quota} penyimpanan browser ({percent}).", "Kinerja's data uses {used} of about {quota} of browser storage ({percent}).";
    StorageUnavailable => "Penyimpanan browser tidak tersedia: data tidak akan tersimpan setelah halaman ditutup.", "Browser storage is unavailable: data will not be kept after the page is closed.";
    DatasetTitle => "Data bawaan", "Built-in data";
    DatasetHint => "Kinerja dilengkapi 10 Perjanjian Kinerja Tahun 2024 Sekretariat KPU Provinsi Maluku. Memulihkannya mengganti seluruh data di browser ini (dapat diurungkan).", "Kinerja ships with the 10 performance agreements 2024 of the Secretariat of KPU Maluku Province. Restoring them replaces all data in this browser (can be undone).";
    RestoreDataset => "Pulihkan data bawaan", "Restore built-in data";
    RestoreDatasetQuestion => "Ganti seluruh data di browser ini dengan data bawaan 2024?", "Replace all data in this browser with the built-in 2024 data?";
    RestoreDatasetConfirm => "Ya, pulihkan", "Yes, restore";
    DatasetRestored => "Data bawaan telah dipulihkan. Gunakan Urungkan untuk kembali.", "The built-in data was restored. Use Undo to go back.";
    DatasetBroken => "Data bawaan tidak dapat dibaca.", "The built-in data cannot be read.";
    DatasetNotes => "Catatan transkripsi data bawaan", "Transcription notes of the built-in data";

    // Recovery of unreadable storage
    RecoveryTitle => "Data tersimpan tidak dapat dibaca", "Stored data cannot be read";
    RecoveryBody => "Data Kinerja di browser ini rusak atau berasal dari versi yang tidak dikenal. Data itu belum dihapus.", "Kinerja's data in this browser is damaged or comes from an unknown version. It has not been deleted.";
    RecoveryDownload => "Unduh data mentah", "Download the raw data";
    RecoveryFreshHint => "Setelah mengunduhnya, Anda dapat mulai baru dengan data bawaan. Data mentah akan ditimpa.", "After downloading it, you can start fresh with the built-in data. The raw data will be overwritten.";
    RecoveryFresh => "Mulai baru dengan data bawaan", "Start fresh with the built-in data";
    RecoveryFreshQuestion => "Timpa data yang tidak terbaca? Pastikan Anda sudah mengunduhnya.", "Overwrite the unreadable data? Make sure you have downloaded it.";
    RecoveryFreshConfirm => "Ya, mulai baru", "Yes, start fresh";

    // Files
    FileEmpty => "Berkas kosong: tidak ada isinya.", "The file is empty: it has no content.";
    FileTooLarge => "Berkas terlalu besar ({size}); batasnya {limit}.", "The file is too large ({size}); the limit is {limit}.";
    FileNotJson => "Berkas bukan JSON yang sah (kesalahan pada baris {line}, kolom {column}).", "The file is not valid JSON (error at line {line}, column {column}).";
    FileTruncated => "Berkas terpotong: isinya berhenti di tengah jalan. Unduh atau salin ulang berkas tersebut.", "The file is truncated: its content stops halfway. Download or copy the file again.";
    FileNotKinerja => "Berkas ini JSON, tetapi bukan berkas Kinerja (tidak ada \"format\": \"kinerja-pk\").", "This file is JSON, but not a Kinerja file (no \"format\": \"kinerja-pk\").";
    FileNewerVersion => "Berkas ini dibuat oleh versi Kinerja yang lebih baru (format versi {found}; aplikasi ini membaca sampai versi {supported}). Perbarui aplikasi untuk membukanya.", "This file was made by a newer version of Kinerja (format version {found}; this app reads up to version {supported}). Update the app to open it.";
    FileBadVersion => "Berkas Kinerja tanpa nomor versi format yang sah.", "A Kinerja file without a valid format version number.";
    FileInvalid => "Berkas Kinerja ini memiliki {n} masalah; tidak ada yang diubah.", "This Kinerja file has {n} problems; nothing was changed.";
    ProblemMissing => "wajib ada, tetapi tidak ada", "is required but missing";
    ProblemWrongType => "harus berupa {expected}", "must be {expected}";
    ExpectedText => "teks", "text";
    ExpectedTextOrNull => "teks atau null", "text or null";
    ExpectedInteger => "bilangan bulat", "a whole number";
    ExpectedObject => "objek {…}", "an object {…}";
    ExpectedList => "daftar […]", "a list […]";
    ProblemEmptyId => "id tidak boleh kosong", "the id must not be empty";
    ProblemTooLong => "terlalu panjang (paling banyak {max} karakter)", "too long (at most {max} characters)";
    ProblemTooMany => "terlalu banyak isi (paling banyak {max})", "too many items (at most {max})";
    ProblemBadYear => "tahun harus antara 1900 dan 2200", "the year must be between 1900 and 2200";
    ProblemBadAmount => "bukan jumlah rupiah (contoh: \"10252187000\", \"-\" atau null)", "not a Rupiah amount (e.g. \"10252187000\", \"-\" or null)";
    ProblemNegativeAmount => "jumlah tidak boleh negatif", "the amount must not be negative";
    ProblemAbsurdAmount => "jumlah tidak masuk akal (lebih dari Rp 1.000 triliun)", "implausible amount (more than IDR 1,000 trillion)";
    ProblemDuplicateId => "id ini sudah dipakai di {first}", "this id is already used at {first}";
    ProblemCascadeCycle => "rujukan PK atasan membentuk lingkaran", "the superior links form a loop";
    ProblemParentNotInFile => "PK atasan tidak ada di berkas ini (harus sudah ada di data Anda)", "the superior's PK is not in this file (it must already be in your data)";
    ProblemParentIndicatorNotInFile => "indikator atasan tidak ada di berkas ini", "the superior's indicator is not in this file";
}
