from accounts.workspace import menu_for


def workspace(request):
    """The workspace menu, only on /beheer/ pages and only for signed-in users."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"workspace_menu": lambda: menu_for(user)}
