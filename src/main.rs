//! Entry point of the web app: mounts [`sayso::app::App`] on the page body.

fn main() {
    yew::Renderer::<sayso::app::App>::new().render();
}
