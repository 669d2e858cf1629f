from accounts.workspace import menu_for


def workspace(request):
    """The workspace menu, worked out only when a template uses it.

    Reading ``request.user`` here would load the session on every public page (a query, and a
    ``Vary: Cookie`` that stops shared caches); the callable defers that to workspace pages.
    """

    def menu():
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return []
        return menu_for(user)

    return {"workspace_menu": menu}
