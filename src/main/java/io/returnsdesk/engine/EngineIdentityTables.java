package io.returnsdesk.engine;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The engine's users as its database identity provider keeps them (Camunda Admin's users,
 * groups and user info), read in SQL: the members of a group with their e-mail address,
 * one entry of their user info and the groups of one type they are in, in one query,
 * where the identity service asks one query per member for each.
 */
@Component
public class EngineIdentityTables {

	private static final String MEMBERS = """
			select u.ID_ as id, u.EMAIL_ as email,
			       (select max(i.VALUE_) from %1$sACT_ID_INFO i
			        where i.USER_ID_ = u.ID_ and i.KEY_ = :key and i.PARENT_ID_ is null) as info,
			       t.GROUP_ID_ as typed_group
			from %1$sACT_ID_USER u
			left join %1$sACT_ID_MEMBERSHIP t on t.USER_ID_ = u.ID_
			    and t.GROUP_ID_ in (select g.ID_ from %1$sACT_ID_GROUP g where g.TYPE_ = :type)
			where %2$s
			order by u.ID_, t.GROUP_ID_""";

	private final NamedParameterJdbcTemplate jdbc;

	private final String prefix;

	EngineIdentityTables(NamedParameterJdbcTemplate jdbc, ProcessEngineConfigurationImpl engine) {
		this.jdbc = jdbc;
		this.prefix = (engine.getDatabaseTablePrefix() != null) ? engine.getDatabaseTablePrefix() : "";
	}

	/**
	 * A user as the engine knows them.
	 *
	 * @param id the user's id
	 * @param email the e-mail address, or null
	 * @param info the value of the user info entry asked for, or null
	 * @param groupsOfType the ids of the user's groups of the type asked for
	 */
	public record Member(String id, String email, String info, List<String> groupsOfType) {

	}

	/** The members of the group, by id. */
	public List<Member> membersOf(String groupId, String infoKey, String groupType) {
		return members("u.ID_ in (select m.USER_ID_ from %sACT_ID_MEMBERSHIP m where m.GROUP_ID_ = :selected)"
			.formatted(this.prefix), groupId, infoKey, groupType);
	}

	/** The user, or none when no such user exists. */
	public List<Member> user(String userId, String infoKey, String groupType) {
		return members("u.ID_ = :selected", userId, infoKey, groupType);
	}

	private List<Member> members(String selection, String selected, String infoKey, String groupType) {
		MapSqlParameterSource parameters = new MapSqlParameterSource().addValue("selected", selected)
			.addValue("key", infoKey)
			.addValue("type", groupType);
		Map<String, Member> members = new LinkedHashMap<>();
		this.jdbc.query(MEMBERS.formatted(this.prefix, selection), parameters, (ResultSet row) -> {
			String email = row.getString("email");
			String info = row.getString("info");
			Member member = members.computeIfAbsent(row.getString("id"),
					(id) -> new Member(id, email, info, new ArrayList<>()));
			String group = row.getString("typed_group");
			if (group != null) {
				member.groupsOfType().add(group);
			}
		});
		return members.values()
			.stream()
			.map((member) -> new Member(member.id(), member.email(), member.info(), List.copyOf(member.groupsOfType())))
			.toList();
	}

}
