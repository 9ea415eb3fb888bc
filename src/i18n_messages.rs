messages! {
    AppName => "Kinerja", "Kinerja";
}
