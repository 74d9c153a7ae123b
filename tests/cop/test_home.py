def test_home_page_is_french_and_names_the_cop(client):
    response = client.get("/")
    assert response.status_code == 200
    assert '<html lang="fr"' in response.content.decode()
    assert "COP Planification Action" in response.content.decode()
