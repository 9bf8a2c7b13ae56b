package dev.quarry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.quarry.it.model.Member;
import dev.quarry.it.model.MemberQuery;
import dev.quarry.it.model.Team;
import dev.quarry.it.model.TeamQuery;
import org.junit.jupiter.api.Test;

/** Models that refer to each other: their tables are created (and dropped) whichever comes first. */
class CycleTest extends DatabaseTest {
    private Team team;
    private Member ada;

    private void squad() {
        team = db.save(new Team("Engines"));
        ada = db.save(new Member("Ada", team));
        db.save(new Member("Charles", team));
        team.captain.set(ada);
        db.save(team);
    }

    @Test
    void bothSidesOfTheCycleAreEnforcedAndFollowed() {
        squad();
        Team read = TeamQuery.objects(db).selectRelated(TeamQuery.captain()).get();
        assertEquals("Ada", read.captain.get().name);
        assertEquals(2, MemberQuery.objects(db).filter(MemberQuery.team().captain().name().eq("Ada")).count());
    }

    @Test
    void deletingTheCaptainEmptiesTheRelation() {
        squad();
        db.delete(ada);
        assertNull(TeamQuery.objects(db).get().captain.id());
        assertEquals(1, MemberQuery.objects(db).count());
    }

    @Test
    void deletingTheTeamDeletesItsMembers() {
        squad();
        db.delete(team);
        assertEquals(0, TeamQuery.objects(db).count());
        assertEquals(0, MemberQuery.objects(db).count());
    }
}
