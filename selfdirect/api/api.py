from ninja import NinjaAPI

api = NinjaAPI(title="Selfdirect API", version="1")
