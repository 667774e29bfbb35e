# ruleid: mocks-mock-class-in-production
class MockResearchAgent:
    def run(self, query):
        # ruleid: mocks-canned-response
        return {"summary": "Mock response for testing", "query": query}


class ResearchAgent:
    def run(self, query):
        return {"summary": query.upper()}
