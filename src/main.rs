//! Entry point of the browser app (built by Trunk).

fn main() {
    kinerja::ui::mount();
}
