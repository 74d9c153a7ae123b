"""Any verified account follows a group (and hears of its new contributions)."""

from workshops.models import GroupFollow


def test_a_citizen_follows_then_unfollows_a_group(client_of, citizen, group):
    client = client_of(citizen)

    response = client.post("/groupes/mobilite/suivre/", {"action": "follow"}, follow=True)
    assert GroupFollow.objects.filter(group=group, user=citizen).exists()
    assert "Vous suivez le groupe « Mobilité »" in response.content.decode()
    assert "Ne plus suivre le groupe" in response.content.decode()

    client.post("/groupes/mobilite/suivre/", {"action": "unfollow"})
    assert not GroupFollow.objects.filter(group=group, user=citizen).exists()


def test_following_twice_is_following_once(client_of, citizen, group):
    client = client_of(citizen)

    client.post("/groupes/mobilite/suivre/", {"action": "follow"})
    client.post("/groupes/mobilite/suivre/", {"action": "follow"})

    assert GroupFollow.objects.filter(group=group, user=citizen).count() == 1


def test_through_htmx_the_button_comes_back_switched(client_of, citizen, group):
    response = client_of(citizen).post(
        "/groupes/mobilite/suivre/", {"action": "follow"}, headers={"HX-Request": "true"}
    )

    html = response.content.decode()
    assert html.strip().startswith('<div id="group-follow"')
    assert "Ne plus suivre le groupe" in html
    assert "<html" not in html


def test_an_unverified_account_may_not_follow(client_of, unverified, group):
    response = client_of(unverified).post("/groupes/mobilite/suivre/", {"action": "follow"})

    assert response.status_code == 403
    assert "Confirmez d’abord votre adresse électronique" in response.content.decode()
    assert not GroupFollow.objects.exists()


def test_a_visitor_is_sent_to_the_login_page(visitor, group):
    response = visitor.post("/groupes/mobilite/suivre/", {"action": "follow"})

    assert response.status_code == 302
    assert response["Location"].startswith("/comptes/login/")


def test_following_an_unknown_group_is_a_404(client_of, citizen, db):
    assert client_of(citizen).post("/groupes/inconnu/suivre/").status_code == 404
